package org.openforge.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.agent.build.BuildAgentTest;
import org.openforge.agent.build.SalesSamples;
import org.openforge.engagement.Artifact;

/**
 * deployment_config on the PostgreSQL sample, after the build agents ran for real: valid manifests, a security review
 * that finds what the database says (a superuser vs. a read-only role), and a load test whose numbers add up.
 */
class DeploymentConfigAgentTest extends BuildAgentTest {

  private static String database;
  private static String readOnlyRole;

  @BeforeAll
  static void load() {
    database = SalesSamples.createDatabase("deploy");
    readOnlyRole = "openforge_ro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)
        .toLowerCase(Locale.ROOT);
    SalesSamples.admin("create role " + readOnlyRole + " login");
    SalesSamples.run(database, "grant usage on schema sales to " + readOnlyRole,
        "grant select on all tables in schema sales to " + readOnlyRole);
  }

  @AfterAll
  static void drop() {
    SalesSamples.dropDatabase(database);
    if (readOnlyRole != null) {
      SalesSamples.admin("drop role if exists " + readOnlyRole);
    }
  }

  static Map<String, Object> guideInput() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("environment", "production");
    input.put("deployment_type", "kubernetes");
    input.put("resources", Map.of("cpu", "2", "memory", "4Gi", "replicas", 3));
    input.put("scaling", Map.of("min_replicas", 2, "max_replicas", 10, "target_cpu_utilization", 70));
    input.put("load_test", Map.of("duration_seconds", 2, "concurrency", 3, "max_requests", 300));
    return input;
  }

  private String builtEngagement(String user) {
    String engagement = engagement();
    String source = postgresSource(database, user);
    attach(engagement, source);
    // designed from requirements, so the Build's pipeline publishes models that the data API serves
    seed(engagement, "discovery", "requirements.json", "requirements_document", "application/json",
        readFixture("src/test/resources/agent/design/sales-requirements.json"), Map.of());
    completed(engagement, "ontology_design", Map.of("domain", "sales_analytics"));
    completed(engagement, "transformation_design", Map.of());
    completed(engagement, "pipeline_creation", guidePipelineInput());
    completed(engagement, "integration_setup", Map.of());
    return engagement;
  }

  @Test
  void guideDeploymentAsSuperuserIsValidButTheReviewFlagsTheAccessAndTheLoadTestAddsUp() {
    String engagement = builtEngagement(SalesSamples.USER);
    long started = System.nanoTime();
    JsonNode task = completed(engagement, "deployment_config", guideInput());
    System.out.printf("deployment_config took %d ms%n", (System.nanoTime() - started) / 1_000_000);

    Artifact config = latest(engagement, "deployment_config");
    assertThat(config.mediaType()).isEqualTo("application/yaml");
    assertThat(config.metadata()).containsEntry("valid", true).containsEntry("error_count", 0);
    List<Map<String, Object>> docs = Yaml.readAll(config.content());
    Map<String, Map<String, Object>> byKind = new HashMap<>();
    docs.forEach(d -> byKind.putIfAbsent(d.get("kind") + "/" + ManifestValidator.text(d, "metadata.name"), d));
    Map<String, Object> api = byKind.get("Deployment/sales-analytics-platform-api");
    assertThat(ManifestValidator.get(api, "spec.replicas")).isEqualTo(3);
    Map<String, Object> container = ManifestValidator.cast(ManifestValidator.list(api, "spec.template.spec.containers")
        .get(0));
    assertThat(ManifestValidator.text(container, "resources.limits.memory")).isEqualTo("4Gi");
    assertThat(ManifestValidator.text(container, "resources.requests.cpu")).isEqualTo("2");
    assertThat(ManifestValidator.text(container, "image")).doesNotEndWith(":latest").contains(":0.1.");
    Map<String, Object> hpa = byKind.get("HorizontalPodAutoscaler/sales-analytics-platform-api");
    assertThat(ManifestValidator.get(hpa, "spec.minReplicas")).isEqualTo(2);
    assertThat(ManifestValidator.get(hpa, "spec.maxReplicas")).isEqualTo(10);
    assertThat(docs.stream().filter(d -> "CronJob".equals(d.get("kind"))).map(d -> ManifestValidator.text(d,
        "spec.schedule")).toList()).containsExactly("0 * * * *");
    assertThat(docs.stream().map(d -> String.valueOf(d.get("kind"))).distinct().toList()).contains("Namespace",
        "ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy",
        "CronJob", "Ingress");
    assertThat(config.content()).contains("secretRef:").doesNotContain("kind: Secret");
    assertThat(Yaml.readObjects(config.content())).extracting(o -> o.getKind()).hasSize(docs.size())
        .contains("Deployment", "HorizontalPodAutoscaler", "CronJob", "Ingress");
    Artifact dockerfile = latest(engagement, "dockerfile");
    assertThat(dockerfile.content()).contains("FROM eclipse-temurin:17-jre").contains("EXPOSE 8080")
        .contains("/actuator/health");
    Artifact compose = latest(engagement, "docker_compose");
    assertThat(compose.content()).contains("${OPENFORGE_SOURCE_").contains("cpus: \"2\"").contains("memory: 4g");

    Artifact review = latest(engagement, "security_review");
    boolean superuser = Boolean.TRUE.equals(SalesSamples.rows(database, "select rolsuper from pg_roles where "
        + "rolname = current_user").get(0).get(0));
    assertThat(superuser).isTrue();
    Map<String, JsonNode> checks = checks(json(review));
    JsonNode access = checks.values().stream().filter(c -> c.get("id").asText().endsWith(".read_only")).findFirst()
        .orElseThrow();
    assertThat(access.get("status").asText()).isEqualTo("fail");
    assertThat(access.get("severity").asText()).isEqualTo("high");
    assertThat(access.get("evidence").get("user").asText()).isEqualTo(SalesSamples.USER);
    JsonNode credentials = checks.values().stream().filter(c -> c.get("id").asText().endsWith(".credentials"))
        .findFirst().orElseThrow();
    assertThat(credentials.get("status").asText()).isEqualTo("pass");
    assertThat(credentials.get("evidence").get("secret").asText()).isEqualTo("sealed");
    assertThat(checks.get("deployment.non_root").get("status").asText()).isEqualTo("pass");
    assertThat(checks.get("deployment.secrets").get("status").asText()).isEqualTo("pass");
    assertThat(checks.get("deployment.network_policy").get("status").asText()).isEqualTo("pass");
    assertThat(checks.get("deployment.tls").get("status").asText()).isEqualTo("pass");
    assertThat(checks.get("data_api.authentication").get("status").asText()).isEqualTo("pass");
    JsonNode unauthenticated = checks.get("running.data_api_authentication");
    assertThat(unauthenticated.get("status").asText()).as(unauthenticated.toString()).isEqualTo("pass");
    assertThat(unauthenticated.at("/evidence/status").asInt()).as("really called over HTTP").isEqualTo(401);
    assertThat(unauthenticated.at("/evidence/called").asText()).startsWith("GET http://127.0.0.1:")
        .contains("/data/v1/");
    assertThat(checks.get("running.platform_api_authentication").get("status").asText()).isEqualTo("pass");
    assertThat(checks.get("running.no_secret_served").get("status").asText()).isEqualTo("pass");
    assertThat(checks.get("running.no_secret_served").at("/evidence/bytes_scanned").asLong()).isPositive();
    long high = checks.values().stream().filter(c -> c.get("status").asText().equals("fail")
        && c.get("severity").asText().equals("high")).count();
    assertThat(review.metadata()).containsEntry("high_findings", (int) high);
    assertThat(high).isEqualTo(1);
    assertThat(review.content()).doesNotContain("pw-unused-with-trust");

    Artifact load = latest(engagement, "load_test_report");
    JsonNode report = json(load);
    System.out.println("load test: " + report.get("verdict").asText() + ", " + report.get("throughput_rps")
        + " req/s, latency " + report.get("latency_ms"));
    int requests = report.get("requests").asInt();
    assertThat(requests).isPositive().isLessThanOrEqualTo(300);
    assertThat(report.get("errors").asInt()).isZero();
    int perEndpoint = 0;
    for (JsonNode e : report.get("endpoints")) {
      perEndpoint += e.get("requests").asInt();
    }
    assertThat(perEndpoint).isEqualTo(requests);
    JsonNode latency = report.get("latency_ms");
    assertThat(latency.get("p50").asDouble()).isLessThanOrEqualTo(latency.get("p95").asDouble());
    assertThat(latency.get("p95").asDouble()).isLessThanOrEqualTo(latency.get("p99").asDouble());
    assertThat(latency.get("p99").asDouble()).isLessThanOrEqualTo(latency.get("max").asDouble());
    // the load is HTTP calls of the served data API: three per published model (a page, a sorted page, a summary)
    JsonNode served = json(latest(engagement, "data_api")).get("x-openforge-integration-tests");
    assertThat(report.get("data_api").asText()).matches("http://127\\.0\\.0\\.1:\\d+/data/v1/.+")
        .isEqualTo(served.get("data_api").asText());
    assertThat(report.get("method").asText()).startsWith("HTTP GET");
    List<String> endpoints = new java.util.ArrayList<>();
    report.get("endpoints").forEach(e -> endpoints.add(e.get("endpoint").asText()));
    assertThat(endpoints).hasSize(report.get("request_mix").asInt()).allMatch(e -> e.startsWith("GET /"))
        .anyMatch(e -> e.endsWith("/summary")).anyMatch(e -> e.contains("sort=-"));
    assertThat(report.get("request_mix").asInt() % 3).isZero();
    assertThat(load.metadata()).containsEntry("requests", requests).containsEntry("errors", 0)
        .containsEntry("p95_ms", latency.get("p95").asDouble()).containsEntry("target_p95_ms", 500.0)
        .containsEntry("passed", latency.get("p95").asDouble() <= 500.0);
    assertThat(task.get("result").get("valid").asBoolean()).isTrue();
  }

  @Test
  void byDefaultThePlatformServesTheProductAndTheManifestsAreExports() {
    String engagement = builtEngagement(readOnlyRole);
    completed(engagement, "deployment_config", Map.of("environment", "staging", "load_test",
        Map.of("duration_seconds", 1, "concurrency", 1, "max_requests", 10)));
    Artifact config = latest(engagement, "deployment_config");
    assertThat(config.name()).isEqualTo("deployment-plan.json");
    JsonNode plan = json(config);
    assertThat(plan.get("deployment_type").asText()).isEqualTo("platform");
    assertThat(plan.get("ready").asBoolean()).isTrue();
    JsonNode served = json(latest(engagement, "data_api")).get("x-openforge-integration-tests");
    assertThat(plan.get("version").asInt()).isEqualTo(served.get("version").asInt());
    assertThat(plan.get("data_api").asText()).isEqualTo("/data/v1/" + served.get("product").asText());
    assertThat(plan.get("models")).isNotEmpty();
    assertThat(plan.get("on_approval").toString()).contains("timer start is switched on");
    assertThat(latest(engagement, "kubernetes_manifests").content()).contains("kind: Deployment");
    assertThat(latest(engagement, "docker_compose").content()).contains("services:");
    assertThat(config.metadata()).containsEntry("deployment_type", "platform").containsEntry("valid", true);
  }

  @Test
  void aReadOnlyRoleLeavesNoHighFinding() {
    String engagement = builtEngagement(readOnlyRole);
    completed(engagement, "deployment_config", guideInput());
    Artifact review = latest(engagement, "security_review");
    Map<String, JsonNode> checks = checks(json(review));
    JsonNode access = checks.values().stream().filter(c -> c.get("id").asText().endsWith(".read_only")).findFirst()
        .orElseThrow();
    assertThat(access.get("status").asText()).as(access.toString()).isEqualTo("pass");
    assertThat(access.get("evidence").get("writable_tables")).isEmpty();
    assertThat(review.metadata()).containsEntry("high_findings", 0);
  }

  @Test
  void aDeploymentOutsideItsAutoscalingRangeWithABadQuantityIsInvalid() {
    String engagement = engagement();
    attach(engagement, csvSource());
    Map<String, Object> input = guideInput();
    input.put("resources", Map.of("cpu", "2", "memory", "4GB", "replicas", 12));
    input.put("deployment_type", "docker_compose");
    completed(engagement, "deployment_config", input);
    Artifact config = latest(engagement, "deployment_config");
    assertThat(config.name()).isEqualTo("docker-compose.yaml");
    assertThat(config.metadata()).containsEntry("valid", false);
    JsonNode issues = json(latest(engagement, "deployment_validation")).get("issues");
    List<String> codes = new java.util.ArrayList<>();
    issues.forEach(i -> codes.add(i.get("code").asText()));
    assertThat(codes).contains("replicas_outside_range", "invalid_quantity");
    Artifact load = latest(engagement, "load_test_report");
    assertThat(load.metadata()).containsEntry("passed", false);
    assertThat(json(load).get("verdict").asText()).contains("no version of the product is published");
  }

  @Test
  void theResponseTimeRequirementSetsTheTarget() {
    String engagement = builtEngagement(SalesSamples.USER);
    seed(engagement, "discovery", "requirements.json", "requirements_document", "application/json",
        "{\"non_functional\": [{\"id\": \"NFR-7\", \"category\": \"performance\", \"target\": {\"metric\": "
            + "\"response_time_p95\", \"comparator\": \"<=\", \"value\": 1, \"unit\": \"millisecond\", \"display\": "
            + "\"≤ 1 ms\", \"iso\": \"PT0.001S\", \"assumed\": false}}]}", Map.of("requirement_count", 1));
    Map<String, Object> input = guideInput();
    input.put("load_test", Map.of("duration_seconds", 1, "concurrency", 2, "max_requests", 60));
    completed(engagement, "deployment_config", input);
    JsonNode report = json(latest(engagement, "load_test_report"));
    assertThat(report.get("target").get("p95_ms").asDouble()).isEqualTo(1.0);
    assertThat(report.get("target").get("source").asText()).contains("NFR-7");
    assertThat(report.get("passed").asBoolean())
        .isEqualTo(report.get("latency_ms").get("p95").asDouble() <= 1.0 && report.get("errors").asInt() == 0);
  }

  private static Map<String, JsonNode> checks(JsonNode review) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    review.get("checks").forEach(c -> out.put(c.get("id").asText(), c));
    return out;
  }

  private static String readFixture(String path) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
