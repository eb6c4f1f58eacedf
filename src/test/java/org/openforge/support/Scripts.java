package org.openforge.support;

import java.util.List;
import java.util.Map;
import org.openforge.agent.AgentResult;
import org.openforge.agent.artifact.ArtifactKinds;
import org.openforge.engagement.ArtifactService;

/** Ready-made agent scripts that produce gate evidence. */
public final class Scripts {

  private Scripts() {}

  public static ScriptedAgents.Script artifact(String kind, Map<String, Object> metadata) {
    return artifact(kind, metadata, 0.9);
  }

  public static ScriptedAgents.Script artifact(String kind, Map<String, Object> metadata, double confidence) {
    return context -> new AgentResult(Map.of("kind", kind),
        List.of(new ArtifactService.Draft(kind + ".json", kind, "application/json",
            content(kind, context.task().taskType()), kind + " for " + context.engagement().name(),
            metadata)),
        confidence, "produced " + kind);
  }

  /**
   * The smallest document a kind's schema accepts (only schema_version is required); other kinds name the task that
   * produced them.
   */
  public static String content(String kind, String taskType) {
    return ArtifactKinds.records().containsKey(kind) ? "{\"schema_version\":1}"
        : "{\"produced_by\":\"" + taskType + "\"}";
  }

  /** Scripts every discovery agent to produce what the discovery gate needs (except the connected source). */
  public static void discoveryEvidence(ScriptedAgents agents, String engagementId) {
    agents.script(engagementId, "stakeholder_analysis", artifact("stakeholder_analysis", Map.of("stakeholder_count", 3)));
    agents.script(engagementId, "requirements_gathering",
        artifact("requirements_document", Map.of("requirement_count", 5)));
    agents.script(engagementId, "source_discovery", artifact("source_catalog", Map.of("source_count", 1)));
  }

  public static void designEvidence(ScriptedAgents agents, String engagementId) {
    agents.script(engagementId, "ontology_design", artifact("ontology", Map.of("valid", true, "class_count", 4)));
    agents.script(engagementId, "schema_validation",
        artifact("schema_validation_report", Map.of("passed_checks", 12, "failed_checks", 0)));
    agents.script(engagementId, "transformation_design",
        artifact("transformation_mapping", Map.of("unmapped_class_count", 0)));
  }

  public static void buildEvidence(ScriptedAgents agents, String engagementId) {
    agents.script(engagementId, "pipeline_creation", artifact("pipeline_spec",
        Map.of("pipeline_count", 2, "quality_checks_run", true, "quality_checks_failed", 0)));
    agents.script(engagementId, "integration_setup", artifact("data_api",
        Map.of("integration_tests_run", true, "integration_tests_failed", 0)));
    agents.script(engagementId, "ui_generation", artifact("ui_components", Map.of("component_count", 3)));
  }

  public static void deployEvidence(ScriptedAgents agents, String engagementId) {
    agents.script(engagementId, "deployment_config", context -> new AgentResult(Map.of(), List.of(
        new ArtifactService.Draft("deployment.yaml", "deployment_config", "application/yaml", "kind: Deployment\n",
            "k8s", Map.of("valid", true)),
        new ArtifactService.Draft("security-review.json", "security_review", "application/json",
            "{\"schema_version\":1}",
            "review", Map.of("high_findings", 0)),
        new ArtifactService.Draft("load-test.json", "load_test_report", "application/json",
            "{\"schema_version\":1}", "load",
            Map.of("passed", true))), 0.9, "deploy configs"));
  }
}
