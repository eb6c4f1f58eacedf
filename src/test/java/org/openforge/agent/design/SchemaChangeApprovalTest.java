package org.openforge.agent.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;

/**
 * The design agents in the real engine: an engagement with an attached PostgreSQL source reaches the design phase,
 * the three agents run as API tasks and their artifacts pass the design gate, the sign-off approves the ontology;
 * then a changed source asks for a schema_change approval in Tasklist — approved, the new version is written;
 * refused, the approved version stays and the task declines with the reviewer's comment.
 */
class SchemaChangeApprovalTest extends IntegrationTest {

  private static String database;

  @BeforeAll
  static void source() throws Exception {
    database = Scratch.create("approval");
    Scratch.run(database, Files.readString(Path.of("src/test/resources/agent/design/shop-postgres.sql")));
  }

  @AfterAll
  static void drop() {
    Scratch.drop(database);
  }

  @Test
  void aChangedOntologyWaitsForASchemaChangeApprovalThenIsWrittenOrRefused() throws Exception {
    String id = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    Api.Response source = api().post("/api/v1/data-sources", Map.of("name", "shop " + UUID.randomUUID(),
        "source_type", "postgresql", "connection_config", Scratch.config(database, "shop"),
        "description", "retail schema"));
    assertThat(source.status()).as(source.toString()).isEqualTo(201);
    Api.Response attached = api().post("/api/v1/engagements/" + id + "/data-sources",
        Map.of("data_source_id", source.text("id")));
    assertThat(attached.status()).as(attached.toString()).isBetween(200, 201);
    driver().runJobs(id);
    for (String gate : List.of("stakeholder_analysis", "requirements_gathered", "data_sources_identified")) {
      Api.Response passed = api().post("/api/v1/engagements/" + id + "/quality-gates/" + gate + "/pass",
          Map.of("validator", "test", "evidence", Map.of("ok", true)));
      assertThat(passed.status()).as(passed.toString()).isEqualTo(201);
    }
    driver().runJobs(id);
    approve(pending(id, "phase_transition"), "discovery done");
    driver().runJobs(id);
    assertThat(engagement(id).get("current_phase").asText()).isEqualTo("design");

    String first = task(id, "ontology_design", Map.of("domain", "retail"));
    assertThat(taskStatus(first)).isEqualTo("completed");
    assertThat(task(id, "schema_validation", Map.of("validation_rules", List.of("type_compatibility",
        "null_handling", "referential_integrity")))).satisfies(t -> assertThat(taskStatus(t)).isEqualTo("completed"));
    assertThat(task(id, "transformation_design", Map.of())).satisfies(t -> assertThat(taskStatus(t))
        .isEqualTo("completed"));
    JsonNode evaluation = api().get("/api/v1/engagements/" + id + "/gate-evaluations").json().get(0);
    assertThat(evaluation.get("inputs").get("ontologyValid").asBoolean()).isTrue();
    assertThat(evaluation.get("inputs").get("validationFailedChecks").asInt()).isZero();
    assertThat(evaluation.get("inputs").get("unmappedClassCount").asInt()).isZero();
    approve(pending(id, "phase_transition"), "design signed off");
    driver().runJobs(id);
    assertThat(engagement(id).get("current_phase").asText()).isEqualTo("build");
    assertThat(ontologies(id)).hasSize(1);

    Scratch.run(database, "alter table shop.customers add column loyalty_tier varchar(10)",
        "alter table shop.customers drop column signup_date");
    String second = task(id, "ontology_design", Map.of("domain", "retail"));
    assertThat(taskStatus(second)).isEqualTo("waiting_approval");
    JsonNode change = pending(id, "schema_change");
    List<String> items = new ArrayList<>();
    change.get("items_to_review").forEach(i -> items.add(i.get("name").asText() + ": " + i.get("summary").asText()));
    assertThat(items).containsExactlyInAnyOrder("Customer.loyalty_tier: Slot loyalty_tier added to Customer",
        "Customer.signup_date: BREAKING: Slot signup_date removed from Customer");
    assertThat(change.get("title").asText()).contains("2 changes, 1 breaking");
    approve(change, "the new tier is expected");
    driver().runJobs(id);
    assertThat(taskStatus(second)).isEqualTo("completed");
    List<JsonNode> versions = ontologies(id);
    assertThat(versions).hasSize(2);
    String written = api().get("/api/v1/engagements/" + id + "/artifacts/" + versions.get(1).get("id").asText()).body();
    assertThat(written).contains("loyalty_tier:").doesNotContain("signup_date:");

    Scratch.run(database, "alter table shop.customers add column nickname varchar(20)");
    String third = task(id, "ontology_design", Map.of("domain", "retail"));
    assertThat(taskStatus(third)).isEqualTo("waiting_approval");
    JsonNode refused = pending(id, "schema_change");
    assertThat(refused.get("items_to_review").findValuesAsText("name")).as("compared with the approved version 2")
        .containsExactly("Customer.nickname");
    Api.Response rejected = withRole("approver").post("/api/v1/approvals/" + refused.get("id").asText() + "/reject",
        Map.of("comment", "nicknames are personal data"));
    assertThat(rejected.status()).isEqualTo(200);
    driver().runJobs(id);
    JsonNode declined = api().get("/api/v1/agents/tasks/" + third).json();
    assertThat(declined.get("status").asText()).isEqualTo("failed");
    assertThat(declined.get("error").asText()).contains("nicknames are personal data", "approved version 2");
    assertThat(ontologies(id)).hasSize(2);
  }

  private String task(String engagement, String type, Map<String, Object> input) {
    Api.Response created = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement, "task_type", type,
        "description", "test " + type, "input_data", input));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    driver().runJobs(engagement);
    return created.text("id");
  }

  private String taskStatus(String task) {
    JsonNode t = api().get("/api/v1/agents/tasks/" + task).json();
    return t.get("status").asText() + (t.hasNonNull("error") && !"waiting_approval".equals(t.get("status").asText())
        && !"completed".equals(t.get("status").asText()) ? " (" + t.get("error").asText() + ")" : "");
  }

  private JsonNode pending(String engagement, String type) {
    JsonNode items = api().get("/api/v1/approvals?status=pending&engagement_id=" + engagement + "&type=" + type)
        .json().get("items");
    assertThat(items).as("pending " + type + " approvals").hasSize(1);
    return items.get(0);
  }

  private void approve(JsonNode approval, String comment) {
    Api.Response approved = withRole("approver").post("/api/v1/approvals/" + approval.get("id").asText()
        + "/approve", Map.of("comment", comment));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
  }

  private List<JsonNode> ontologies(String engagement) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode listed = api().get("/api/v1/engagements/" + engagement + "/artifacts").json();
    JsonNode items = listed.isArray() ? listed : listed.get("items");
    items.forEach(a -> {
      if (a.get("kind").asText().equals("ontology")) {
        out.add(a);
      }
    });
    return out;
  }
}
