package org.openforge.agent.design;

import java.util.List;
import java.util.Map;

/** The schema_validation_report artifact: the ontology checked, the rules run, every check and what stayed unbound. */
public record SchemaValidationReport(int schemaVersion, SchemaRef schema, List<String> rules, long passedChecks,
    long failedChecks, long skippedChecks, String summary, List<Map<String, Object>> sources, List<Check> checks,
    List<String> failures, List<Map<String, Object>> unbound, List<String> warnings, Map<String, String> method) {

  public static final int SCHEMA_VERSION = 1;

  /** The ontology artifact validated. */
  public record SchemaRef(String artifactId, String name, int version) {}
}
