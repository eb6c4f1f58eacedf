package org.openforge.agent.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the build and deploy agent tests: engagements through the API (agents started by hand), the samples
 * attached as real data sources, prior artifacts seeded through {@link ArtifactService}, tasks run through the real
 * runtime.
 */
public abstract class BuildAgentTest extends IntegrationTest {

  @Autowired
  protected ArtifactService artifacts;
  @Autowired
  protected BuildJson buildJson;

  /** A new engagement whose phase agents do not start on their own. */
  protected String engagement() {
    return createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
  }

  protected String engagement(Map<String, Object> agentConfig) {
    Map<String, Object> config = new LinkedHashMap<>(agentConfig);
    config.put("auto_run", false);
    return createEngagement(Map.of("agent_config", config)).get("id").asText();
  }

  /**
   * A PostgreSQL data source on a sample database, schema sales, connecting as {@code user}; agent SQL is allowed
   * even when the user is privileged (the tests connect as the server's admin user).
   */
  protected String postgresSource(String database, String user) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("host", SalesSamples.HOST);
    config.put("port", SalesSamples.PORT);
    config.put("database", database);
    config.put("username", user);
    config.put("password", "pw-unused-with-trust-" + UUID.randomUUID().toString().substring(0, 8));
    config.put("schema", "sales");
    config.put("allow_privileged_agent_sql", true);
    return source("postgresql", config);
  }

  protected String csvSource() {
    return source("csv", Map.of("path", SalesSamples.CSV_FOLDER.toString()));
  }

  private String source(String type, Map<String, Object> config) {
    Api.Response created = api().post("/api/v1/data-sources", Map.of("name", "sales " + type + " "
        + UUID.randomUUID().toString().substring(0, 6), "source_type", type, "connection_config", config,
        "description", "samples/ sales data"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  protected void attach(String engagement, String source) {
    Api.Response attached = api().post("/api/v1/engagements/" + engagement + "/data-sources",
        Map.of("data_source_id", source));
    assertThat(attached.status()).as(attached.body()).isBetween(200, 204);
  }

  /** Seeds the hand-written ontology (and mapping, when asked) bound to the source. */
  protected Artifact seedOntology(String engagement, String source) {
    return artifacts.record(engagement, "design", null, new ArtifactService.Draft("sales-ontology.yaml", "ontology",
        "application/yaml", fixture("sales-ontology.yaml").replace("${SOURCE_ID}", source), "sales ontology",
        Map.of("valid", true, "class_count", 4)));
  }

  protected Artifact seedMapping(String engagement, String source) {
    return artifacts.record(engagement, "design", null, new ArtifactService.Draft("transformation-mapping.json",
        "transformation_mapping", "application/json", fixture("sales-mapping.json").replace("${SOURCE_ID}", source),
        "sales mapping", Map.of("unmapped_class_count", 0)));
  }

  protected Artifact seed(String engagement, String phase, String name, String kind, String mediaType,
      String content, Map<String, Object> metadata) {
    return artifacts.record(engagement, phase, null, new ArtifactService.Draft(name, kind, mediaType, content, name,
        metadata));
  }

  /** Creates a task through the API, runs the engagement's jobs, and returns the finished task. */
  protected JsonNode runTask(String engagement, String taskType, Map<String, Object> input) {
    Api.Response created = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement,
        "task_type", taskType, "description", "test " + taskType, "input_data", input));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    driver().runJobs(engagement);
    return api().get("/api/v1/agents/tasks/" + created.text("id")).json();
  }

  protected JsonNode completed(String engagement, String taskType, Map<String, Object> input) {
    JsonNode task = runTask(engagement, taskType, input);
    assertThat(task.get("status").asText()).as(task.toString()).isEqualTo("completed");
    return task;
  }

  protected Artifact latest(String engagement, String kind) {
    return artifacts.latestOfKind(engagement, kind).orElseThrow(() -> new AssertionError("no " + kind));
  }

  protected JsonNode json(Artifact artifact) {
    return buildJson.read(artifact.content());
  }

  /** The guide's pipeline task input. */
  protected static Map<String, Object> guidePipelineInput() {
    return Map.of("schedule", "0 * * * *", "transformations", List.of(
        Map.of("name", "normalize_regions", "type", "mapping", "source_field", "region_code", "target_field",
            "region"),
        Map.of("name", "calculate_ltv", "type", "aggregation", "logic",
            "SUM(amount) OVER (PARTITION BY customer_id)")));
  }

  public static String fixture(String name) {
    try (InputStream in = BuildAgentTest.class.getResourceAsStream("/agent/build/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read fixture " + name, e);
    }
  }
}
