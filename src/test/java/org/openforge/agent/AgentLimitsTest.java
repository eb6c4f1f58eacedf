package org.openforge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.support.ScriptedChatModels;
import org.openforge.support.Scripts;

/** Run limits stop a run with a clear failure; data access waits for approval when the engagement asks. */
class AgentLimitsTest extends IntegrationTest {

  @Test
  void aRunPastItsTimeLimitFailsInsteadOfHanging() {
    String engagement = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    agents.script(engagement, "stakeholder_analysis", context -> {
      Thread.sleep(30_000);
      return Scripts.artifact("stakeholder_analysis", Map.of()).run(context);
    });
    String task = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement,
        "task_type", "stakeholder_analysis", "timeout_seconds", 1)).text("id");
    long start = System.currentTimeMillis();
    driver().runJobs(engagement);
    assertThat(System.currentTimeMillis() - start).isLessThan(15_000);
    JsonNode failed = api().get("/api/v1/agents/tasks/" + task).json();
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).contains("time limit");
  }

  @Test
  void aRunOverItsTokenBudgetStops() {
    String script = "budget-" + UUID.randomUUID();
    String engagement = createEngagement(Map.of("agent_config", Map.of("auto_run", false,
        "llm", Map.of("provider", "scripted", "model", script, "token_budget", 200)))).get("id").asText();
    agents.script(engagement, "stakeholder_analysis", Scripts.artifact("stakeholder_analysis", Map.of()));
    models.script(script, models.toolCall("list_artifacts", "{}"), models.toolCall("list_artifacts", "{}"),
        ScriptedChatModels.answer("never reached"));
    String task = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement,
        "task_type", "stakeholder_analysis")).text("id");
    driver().runJobs(engagement);
    JsonNode failed = api().get("/api/v1/agents/tasks/" + task).json();
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).contains("budget of 200");
    assertThat(failed.get("usage").get("model_calls").asInt()).isEqualTo(2);
    assertThat(models.requests(script)).hasSize(2);
  }

  @Test
  void sourceDiscoveryWaitsForADataAccessApprovalWhenTheEngagementAsksForOne() {
    Api.Response source = api().post("/api/v1/data-sources", Map.of("name", "samples", "source_type", "csv",
        "connection_config", Map.of("path", java.nio.file.Path.of("samples/sales").toAbsolutePath().toString())));
    assertThat(source.status()).as(source.toString()).isEqualTo(201);
    String engagement = createEngagement(Map.of("data_source_ids", List.of(source.text("id")),
        "agent_config", Map.of("auto_run", false, "approval_settings", Map.of("data_access", true))))
        .get("id").asText();
    String task = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement,
        "task_type", "source_discovery")).text("id");
    driver().runJobs(engagement);
    assertThat(api().get("/api/v1/agents/tasks/" + task).text("status")).isEqualTo("waiting_approval");
    JsonNode approval = api().get("/api/v1/approvals?status=pending&type=data_access&engagement_id=" + engagement)
        .json().get("items").get(0);
    assertThat(approval.get("items_to_review").get(0).get("name").asText()).isEqualTo("samples");
    String taskId = approval.get("task_id").asText();
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getTaskDefinitionKey())
        .isEqualTo("UserTask_ApproveAgentRequest");
    Api.Response form = anonymous().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        anonymous().base() + "/engine-rest/task/" + taskId + "/deployed-form")).header("Authorization", "Basic "
        + java.util.Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes())).GET());
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("data-access", "decision");
    api().post("/api/v1/approvals/" + approval.get("id").asText() + "/approve", Map.of());
    driver().runJobs(engagement);
    JsonNode done = api().get("/api/v1/agents/tasks/" + task).json();
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("summary").asText()).contains("4 table(s)");
  }
}
