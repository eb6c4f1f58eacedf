package org.openforge.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;

/**
 * The guide's flow over HTTP, as a client that knows only the public contract would run it: create, check the
 * transition, phase status, pass a gate, forced transition as admin (and refused as non-admin), approvals listed,
 * approved and rejected with comments, summary.
 */
class GuideFlowApiTest extends IntegrationTest {

  @Test
  void theGuidesFlowRunsEndToEnd() {
    Api admin = api();
    Api engineer = withRole("engineer");
    Api approver = withRole("approver");
    JsonNode engagement = admin.post("/api/v1/engagements", Map.of("name", "Sales Analytics Platform",
        "objective", "Build a comprehensive sales analytics dashboard",
        "description", "We need to:\n- Analyze sales trends across regions\n- Generate weekly performance reports",
        "priority", "high", "agent_config", Map.of("auto_run", false))).json();
    String id = engagement.get("id").asText();
    driver().runJobs(id);

    JsonNode readiness = admin.get("/api/v1/engagements/" + id + "/transition-check?target_phase=design").json();
    assertThat(readiness.get("evaluation").get("ready").asBoolean()).isFalse();
    assertThat(readiness.get("remaining_work").get("remaining_gates")).isNotEmpty();

    JsonNode status = admin.get("/api/v1/engagements/" + id + "/phase-status").json();
    assertThat(status.get("phase").asText()).isEqualTo("discovery");
    assertThat(status.has("outputs_completed")).isTrue();
    assertThat(status.has("gates_passed")).isTrue();
    assertThat(status.has("approvals_received")).isTrue();

    Api.Response passed = admin.post("/api/v1/engagements/" + id + "/quality-gates/ontology_validated/pass",
        Map.of("validator", "schema_validator_agent",
            "evidence", Map.of("validation_report_id", "report-1", "passed_checks", 15, "failed_checks", 0)));
    assertThat(passed.status()).isEqualTo(201);

    Api.Response refused = engineer.post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "build", "approved_by", "admin_user", "force", true));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("error")).isEqualTo("forbidden");
    Api.Response forced = admin.post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "build", "approved_by", "admin_user", "force", true));
    assertThat(forced.status()).isEqualTo(200);
    assertThat(forced.get("success").asBoolean()).isTrue();
    assertThat(forced.get("forced").asBoolean()).isTrue();
    assertThat(forced.text("current_phase")).isEqualTo("build");
    driver().runJobs(id);

    for (String gate : List.of("pipelines_created", "ui_components_built")) {
      admin.post("/api/v1/engagements/" + id + "/quality-gates/" + gate + "/pass",
          Map.of("validator", "qa", "evidence", Map.of("checked", true)));
    }
    for (String gate : List.of("transformations_validated", "integration_tests_pass")) {
      admin.post("/api/v1/engagements/" + id + "/quality-gates/" + gate + "/pass",
          Map.of("validator", "qa", "evidence", Map.of("passed_checks", 12, "failed_checks", 0)));
    }
    driver().runJobs(id);
    JsonNode approvals = admin.get("/api/v1/approvals?engagement_id=" + id).json();
    JsonNode signOff = approvals.get("items").get(0);
    assertThat(signOff.get("type").asText()).isEqualTo("phase_transition");
    assertThat(signOff.get("title").asText()).isNotBlank();
    assertThat(signOff.get("items_to_review")).isNotEmpty();
    Api.Response rejected = approver.post("/api/v1/approvals/" + signOff.get("id").asText() + "/reject",
        Map.of("comment", "Needs revision: see notes"));
    assertThat(rejected.text("status")).isEqualTo("rejected");
    admin.post("/api/v1/engagements/" + id + "/quality-gates/pipelines_created/pass",
        Map.of("validator", "qa", "evidence", Map.of("rerun", true)));
    driver().runJobs(id);
    String second = admin.get("/api/v1/approvals?status=pending&engagement_id=" + id).json().get("items").get(0)
        .get("id").asText();
    Api.Response approved = approver.post("/api/v1/approvals/" + second + "/approve",
        Map.of("comment", "Approved after review"));
    assertThat(approved.text("status")).isEqualTo("approved");
    assertThat(approved.text("decision_comment")).isEqualTo("Approved after review");
    driver().runJobs(id);

    JsonNode summary = admin.get("/api/v1/engagements/" + id + "/summary").json();
    assertThat(summary.get("name").asText()).isEqualTo("Sales Analytics Platform");
    assertThat(summary.get("current_phase").asText()).isEqualTo("deploy");
    assertThat(summary.get("status").asText()).isEqualTo("in_progress");
    assertThat(summary.get("progress_percent").asInt()).isBetween(75, 99);
    assertThat(summary.get("quality_gates").get("passed").asInt()).isGreaterThan(0);
    assertThat(summary.get("approvals").get("pending").asInt()).isZero();
  }
}
