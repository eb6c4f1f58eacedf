package org.openforge.agent.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deployment plans for the unit tests: the guide's production input over one PostgreSQL source and a pipeline. */
final class Plans {

  private Plans() {}

  static DeploymentInput input(Map<String, Object> overrides) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("environment", "production");
    input.put("deployment_type", "kubernetes");
    input.put("resources", Map.of("cpu", "2", "memory", "4Gi", "replicas", 3));
    input.put("scaling", Map.of("min_replicas", 2, "max_replicas", 10, "target_cpu_utilization", 70));
    input.putAll(overrides);
    return DeploymentInput.read(input, "sales");
  }

  static DeploymentPlan plan(DeploymentInput input) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("ENVIRONMENT", input.environment());
    config.put("DATA_API_BASE_PATH", "/data-api/v1");
    return new DeploymentPlan("sales", "Sales", input, "0.1.3-abcdef0123", "0 * * * *",
        "sales_pipeline.definitions", List.of("ingest_sales_db"), List.of("OPENFORGE_SOURCE_SALES_DB_URL",
        "DATA_API_KEYS", "OPENFORGE_TARGET_URL"), List.of(5432), config);
  }

  static DeploymentPlan guide() {
    return plan(input(Map.of()));
  }
}
