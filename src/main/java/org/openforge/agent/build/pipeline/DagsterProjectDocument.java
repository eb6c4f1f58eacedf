package org.openforge.agent.build.pipeline;

import java.util.Map;

/** The dagster_project artifact: the generated project's files by path. */
public record DagsterProjectDocument(int schemaVersion, Map<String, String> files) {

  public static final int SCHEMA_VERSION = 1;
}
