package org.openforge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.approval.ApprovalRouter;
import org.openforge.engagement.AgentConfig;
import org.openforge.engagement.ApprovalSettings;
import org.openforge.process.ApprovalType;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An engineer cannot switch approvals off: weakening settings needs the approver role, validation gates passed by
 * hand need their check counts, and the deployment sign-off goes to a person whatever the engagement says.
 */
class ApprovalPolicyTest extends IntegrationTest {

  @Autowired
  ApprovalRouter router;

  @Test
  void weakeningApprovalsNeedsAnApprover() {
    Api engineer = withRole("engineer");
    for (Map<String, Object> config : java.util.List.<Map<String, Object>>of(
        Map.of("approval_settings", Map.of("deployments", false)),
        Map.of("approval_settings", Map.of("phase_transitions", false, "schema_changes", false)),
        Map.of("auto_approve_threshold", 0.0))) {
      Api.Response r = engineer.post("/api/v1/engagements", Map.of("name", "weak", "agent_config", config));
      assertThat(r.status()).as(config + " " + r.body()).isEqualTo(403);
    }
    assertThat(engineer.post("/api/v1/engagements", Map.of("name", "strict", "agent_config",
        Map.of("always_require_approval", java.util.List.of("deployment")))).status()).isEqualTo(201);
    assertThat(withRole("approver").post("/api/v1/engagements", Map.of("name", "weak by an approver",
        "agent_config", Map.of("auto_approve_threshold", 0.9))).status()).isEqualTo(201);
  }

  @Test
  void validationGatesNeedTheirCheckCounts() {
    String id = createEngagement(Map.of("submit", false)).get("id").asText();
    String path = "/api/v1/engagements/" + id + "/quality-gates/transformations_validated/pass";
    assertThat(api().post(path, Map.of("validator", "qa", "evidence", Map.of("x", 1))).status()).isEqualTo(422);
    Api.Response failing = api().post(path, Map.of("validator", "qa", "evidence",
        Map.of("passed_checks", 10, "failed_checks", 2)));
    assertThat(failing.status()).isEqualTo(422);
    assertThat(failing.body()).contains("2 checks failed");
    assertThat(api().post(path, Map.of("validator", "qa", "evidence",
        Map.of("passed_checks", 10, "failed_checks", 0))).status()).isEqualTo(201);
  }

  @Test
  void theDeploymentSignOffIsAlwaysHuman() {
    AgentConfig lax = new AgentConfig(true, new ApprovalSettings(false, false, false, false, null), 0.0, null, null);
    assertThat(router.route(router.inputs(lax, ApprovalType.DEPLOYMENT, false, 1.0, false)).route())
        .isEqualTo("human");
    assertThat(router.route(router.inputs(lax, ApprovalType.PHASE_TRANSITION, false, 1.0, false)).route())
        .as("other sign-offs follow the settings").isEqualTo("automatic");
  }
}
