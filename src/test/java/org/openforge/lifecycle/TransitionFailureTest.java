package org.openforge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.support.ModelerDeployments;
import org.springframework.core.io.ClassPathResource;

/**
 * A forced transition that fails halfway (here: the phase being left has a broken end listener, deployed from a
 * modeler) is a 409 naming the model, and leaves the engagement exactly where it was: same phase, its phase process
 * running, no audit row. The target phase is started before the current one is cancelled, in one engine command.
 */
class TransitionFailureTest extends IntegrationTest {

  @Test
  void aForcedTransitionThatFailsLeavesTheEngagementInItsPhase() throws IOException {
    String original = new ClassPathResource("bpmn/phase-discovery.bpmn").getContentAsString(StandardCharsets.UTF_8);
    String broken = original.replace("<operaton:executionListener delegateExpression=\"${phaseEndListener}\" "
        + "event=\"end\" />", "<operaton:executionListener delegateExpression=\"${phaseEndListener}\" event=\"end\" />"
        + "<operaton:executionListener delegateExpression=\"${noSuchEndListener}\" event=\"end\" />");
    assertThat(broken).isNotEqualTo(original);
    try {
      assertThat(deploy(broken).status()).isEqualTo(200);
      String id = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
      driver().runJobs(id);
      assertThat(engagement(id).get("current_phase").asText()).isEqualTo("discovery");

      Api.Response forced = api().post("/api/v1/engagements/" + id + "/transitions",
          Map.of("target_phase", "build", "force", true, "notes", "skip ahead"));
      assertThat(forced.status()).as(forced.toString()).isEqualTo(409);
      assertThat(forced.body()).contains("engagement-lifecycle").contains("noSuchEndListener");
      assertThat(forced.text("current_phase")).isEqualTo("discovery");

      assertThat(engagement(id).get("current_phase").asText()).isEqualTo("discovery");
      assertThat(status(id)).isEqualTo("in_progress");
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
          .processDefinitionKey("phase-discovery").count()).as("the lifecycle keeps its phase").isEqualTo(1);
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
          .processDefinitionKey("phase-build").count()).isZero();
      assertThat(management.createJobQuery().processInstanceId(engagement(id).get("process_instance_id").asText())
          .count()).as("no phase start left waiting").isZero();
      assertThat(api().get("/api/v1/engagements/" + id + "/audit").json().findValuesAsText("action"))
          .doesNotContain("transition.forced");
    } finally {
      assertThat(deploy(original).status()).as("the working model is the latest again").isEqualTo(200);
    }
  }

  private Api.Response deploy(String content) {
    return ModelerDeployments.deploy(anonymous(), "phase-discovery.bpmn", content, ADMIN_USER, ADMIN_PASSWORD);
  }
}
