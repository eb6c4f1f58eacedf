package org.openforge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;

/** The lifecycle endpoints of the guide over HTTP: shapes, roles and refusals. */
class LifecycleApiTest extends IntegrationTest {

  private static final Map<String, Object> PROOF = Map.of("validator", "schema_validator_agent",
      "evidence", Map.of("validation_report_id", "r-1", "passed_checks", 15, "failed_checks", 0));

  @Test
  void transitionCheckAndPhaseStatusDescribeWhatIsMissing() {
    String id = manualEngagement();
    JsonNode check = api().get("/api/v1/engagements/" + id + "/transition-check?target_phase=design").json();
    assertThat(check.get("current_phase").asText()).isEqualTo("discovery");
    assertThat(check.get("target_phase").asText()).isEqualTo("design");
    assertThat(check.get("evaluation").get("ready").asBoolean()).isFalse();
    assertThat(check.get("evaluation").get("blockers").findValuesAsText("gate_id"))
        .containsExactlyInAnyOrder("stakeholder_analysis", "requirements_gathered", "data_sources_identified");
    JsonNode remaining = check.get("remaining_work");
    assertThat(remaining.get("phase").asText()).isEqualTo("discovery");
    assertThat(remaining.get("remaining_outputs").findValuesAsText("")).isEmpty();
    assertThat(remaining.get("remaining_outputs")).hasSize(3);
    assertThat(remaining.get("remaining_gates").findValuesAsText("gate_id")).contains("human_approval");
    assertThat(remaining.get("remaining_gates").get(0).get("description").asText()).isNotBlank();
    assertThat(remaining.get("completion_percentage").asInt()).isZero();

    api().post("/api/v1/engagements/" + id + "/quality-gates/stakeholder_analysis/pass", PROOF);
    JsonNode status = api().get("/api/v1/engagements/" + id + "/phase-status").json();
    assertThat(status.get("phase").asText()).isEqualTo("discovery");
    assertThat(status.get("gates_passed").findValuesAsText("")).isEmpty();
    assertThat(status.get("gates_passed").get(0).asText()).isEqualTo("stakeholder_analysis");
    assertThat(status.get("outputs_completed")).isEmpty();
    assertThat(status.get("approvals_received")).isEmpty();
    assertThat(status.get("is_complete").asBoolean()).isFalse();
    assertThat(status.get("completion_percentage").asInt()).isEqualTo(25);

    assertThat(api().get("/api/v1/engagements/" + id + "/transition-check?target_phase=moon").status())
        .isEqualTo(422);
    JsonNode skip = api().get("/api/v1/engagements/" + id + "/transition-check?target_phase=build").json();
    assertThat(skip.get("evaluation").get("blockers").findValuesAsText("gate_id")).contains("phase_order");
  }

  @Test
  void passingGatesValidatesTheGateAndTheRole() {
    String id = manualEngagement();
    Api.Response alias = api().post("/api/v1/engagements/" + id + "/quality-gates/ontology_validated/pass", PROOF);
    assertThat(alias.status()).isEqualTo(201);
    assertThat(alias.text("gate_id")).isEqualTo("schema_validated");
    assertThat(alias.text("phase")).isEqualTo("design");
    assertThat(alias.get("evidence").get("passed_checks").asInt()).isEqualTo(15);
    assertThat(alias.get("phase_status").get("phase").asText()).isEqualTo("discovery");

    Api.Response unknown = api().post("/api/v1/engagements/" + id + "/quality-gates/vibes/pass", PROOF);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.get("errors").get(0).get("message").asText()).contains("stakeholder_analysis");
    assertThat(api().post("/api/v1/engagements/" + id + "/quality-gates/stakeholder_analysis/pass",
        Map.of("evidence", Map.of())).status()).isEqualTo(422);
    assertThat(withRole("engineer").post("/api/v1/engagements/" + id + "/quality-gates/human_approval/pass", PROOF)
        .status()).isEqualTo(403);
    assertThat(withRole("viewer").post("/api/v1/engagements/" + id + "/quality-gates/stakeholder_analysis/pass",
        PROOF).status()).isEqualTo(403);
    assertThat(withRole("approver").post("/api/v1/engagements/" + id + "/quality-gates/human_approval/pass", PROOF)
        .status()).isEqualTo(201);
  }

  @Test
  void aReadyPhaseTransitionsThroughTheApiByApprovingItsSignOff() {
    String id = manualEngagement();
    for (String gate : List.of("stakeholder_analysis", "requirements_gathered", "data_sources_identified")) {
      api().post("/api/v1/engagements/" + id + "/quality-gates/" + gate + "/pass", PROOF);
    }
    JsonNode check = api().get("/api/v1/engagements/" + id + "/transition-check?target_phase=design").json();
    assertThat(check.get("evaluation").get("ready").asBoolean()).isTrue();
    Api.Response engineer = withRole("engineer").post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "design"));
    assertThat(engineer.status()).isEqualTo(403);
    Api.Response moved = withRole("approver").post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "design", "approved_by", "Sales VP", "notes", "requirements look complete"));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.get("success").asBoolean()).isTrue();
    assertThat(moved.text("previous_phase")).isEqualTo("discovery");
    assertThat(moved.text("current_phase")).isEqualTo("design");
    assertThat(moved.get("forced").asBoolean()).isFalse();
    JsonNode approval = api().get("/api/v1/approvals/" + moved.text("approval_id")).json();
    assertThat(approval.get("decided_by").asText()).isEqualTo("Sales VP");
    assertThat(approval.get("decision_comment").asText()).isEqualTo("requirements look complete");
  }

  @Test
  void refusedTransitions() {
    String id = manualEngagement();
    assertThat(api().post("/api/v1/engagements/" + id + "/transitions", Map.of()).status()).isEqualTo(422);
    Api.Response bad = api().post("/api/v1/engagements/" + id + "/transitions", Map.of("target_phase", "moon"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("target_phase");
    assertThat(api().post("/api/v1/engagements/" + id + "/transitions", Map.of("target_phase", "discovery"))
        .status()).isEqualTo(409);
    Api.Response notReady = api().post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "design"));
    assertThat(notReady.status()).isEqualTo(409);
    assertThat(notReady.get("unmet").findValuesAsText("gate_id")).contains("data_sources_identified");
    api().post("/api/v1/engagements/" + id + "/pause", Map.of());
    Api.Response paused = api().post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "build", "force", true));
    assertThat(paused.status()).isEqualTo(409);
    assertThat(paused.text("detail")).contains("paused");
  }

  @Test
  void summaryCountsTasksGatesAndApprovals() {
    String id = createEngagement(Map.of()).get("id").asText();
    agents.script(id, "stakeholder_analysis", org.openforge.support.Scripts.artifact("stakeholder_analysis",
        Map.of("stakeholder_count", 3)));
    for (String declining : List.of("requirements_gathering", "source_discovery")) {
      agents.script(id, declining, context -> {
        throw new org.openforge.agent.AgentDeclinedException("nothing to work on");
      });
    }
    driver().runJobs(id);
    JsonNode summary = api().get("/api/v1/engagements/" + id + "/summary").json();
    assertThat(summary.get("name").asText()).isEqualTo("Sales Analytics Platform");
    assertThat(summary.get("current_phase").asText()).isEqualTo("discovery");
    assertThat(summary.get("status").asText()).isEqualTo("in_progress");
    assertThat(summary.get("tasks").get("completed").asInt()).isEqualTo(1);
    assertThat(summary.get("tasks").get("failed").asInt()).isEqualTo(2);
    assertThat(summary.get("quality_gates").get("passed").asInt()).isEqualTo(1);
    assertThat(summary.get("quality_gates").get("remaining").asInt()).isGreaterThan(10);
    assertThat(summary.get("approvals").get("pending").asInt()).isZero();
    assertThat(summary.get("progress_percent").asInt()).isBetween(1, 24);
    assertThat(summary.get("usage").get("model_calls").asInt()).isZero();
  }

  private String manualEngagement() {
    String id = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    driver().runJobs(id);
    return id;
  }
}
