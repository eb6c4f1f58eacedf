package org.openforge.agent.build.ui;

import java.util.List;
import java.util.Map;

/** The ui_components artifact: the generated project's files and each component with its preview data. */
public record UiComponentsDocument(int schemaVersion, Map<String, String> files,
    List<Map<String, Object>> components, List<String> warnings) {

  public static final int SCHEMA_VERSION = 1;
}
