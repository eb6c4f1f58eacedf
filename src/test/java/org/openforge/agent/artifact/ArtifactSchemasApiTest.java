package org.openforge.agent.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentResult;
import org.openforge.agent.build.BuildAgentTest;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.openforge.support.Api;
import org.springframework.beans.factory.annotation.Autowired;

/** Each JSON artifact kind's schema is served, every built-in agent's artifacts match it, and a mismatch fails. */
class ArtifactSchemasApiTest extends BuildAgentTest {

  @Autowired
  private ObjectMapper mapper;

  @Test
  void everyKindHasASchemaForViewersAndAnUnknownKindIs404() {
    Api viewer = withRole("viewer");
    JsonNode list = viewer.get("/api/v1/artifact-schemas").json();
    assertThat(list.findValuesAsText("kind")).containsExactlyElementsOf(ArtifactKinds.records().keySet());
    for (JsonNode link : list) {
      Api.Response schema = viewer.get(link.get("href").asText());
      assertThat(schema.status()).as(link.toString()).isEqualTo(200);
      assertThat(schema.get("required").toString()).contains("schema_version");
      assertThat(schema.get("properties").has("schema_version")).isTrue();
    }
    assertThat(viewer.get("/api/v1/artifact-schemas/pipeline_spec").get("properties").has("quality_checks")).isTrue();
    Api.Response unknown = viewer.get("/api/v1/artifact-schemas/no_such_kind");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anAgentWritingAnInvalidArtifactFailsAndNothingIsStored() {
    String engagement = engagement();
    agents.script(engagement, "requirements_gathering", context -> new AgentResult(Map.of(), List.of(
        new ArtifactService.Draft("requirements.json", "requirements_document", "application/json",
            "{\"schema_version\":1,\"functional\":\"not a list\",\"surprise\":true}", "bad", Map.of())),
        0.9, "an invalid document"));
    JsonNode task = runTask(engagement, "requirements_gathering", Map.of());
    assertThat(task.get("status").asText()).isEqualTo("failed");
    assertThat(task.get("error").asText()).contains("requirements_document", "does not match its schema",
        "functional", "surprise");
    assertThat(artifacts.list(engagement)).isEmpty();
  }

  @Test
  void theBuiltInAgentsArtifactsMatchTheServedSchemas() throws IOException {
    String engagement = engagement();
    attach(engagement, csvSource());
    completed(engagement, "source_discovery", Map.of());
    completed(engagement, "stakeholder_analysis", Map.of("stakeholders", List.of(
        Map.of("name", "Dana Reyes", "role", "VP of Sales"))));
    completed(engagement, "requirements_gathering", Map.of());
    seed(engagement, "discovery", "requirements.json", "requirements_document", "application/json",
        Files.readString(Path.of("src/test/resources/agent/design/sales-requirements.json")), Map.of());
    completed(engagement, "ontology_design", Map.of("domain", "sales_analytics"));
    completed(engagement, "schema_validation", Map.of());
    completed(engagement, "transformation_design", Map.of());
    completed(engagement, "pipeline_creation", guidePipelineInput());
    completed(engagement, "integration_setup", Map.of());
    completed(engagement, "ui_generation", Map.of("components", List.of(
        Map.of("type", "kpi_card", "metric", "total_sales", "title", "Total Sales"),
        Map.of("type", "data_table", "entity", "Customer", "columns", List.of("customer_id", "name")))));
    Map<String, Object> deploy = new LinkedHashMap<>();
    deploy.put("environment", "staging");
    deploy.put("load_test", Map.of("duration_seconds", 1, "concurrency", 1, "max_requests", 20));
    completed(engagement, "deployment_config", deploy);

    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    Set<String> checked = new LinkedHashSet<>();
    List<String> violations = new ArrayList<>();
    for (Artifact header : artifacts.list(engagement)) {
      Api.Response schema = api().get("/api/v1/artifact-schemas/" + header.kind());
      if (schema.status() == 404 || header.agentTaskId() == null) {
        continue;
      }
      Artifact artifact = artifacts.get(engagement, header.id());
      factory.getSchema(schema.json()).validate(mapper.readTree(artifact.content()))
          .forEach(m -> violations.add(header.kind() + ": " + m.getMessage()));
      checked.add(header.kind());
    }
    assertThat(violations).isEmpty();
    assertThat(checked).containsExactlyInAnyOrderElementsOf(ArtifactKinds.records().keySet());
  }
}
