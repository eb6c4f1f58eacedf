package org.openforge.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;

/** Approvals over HTTP: list, get, approve, reject, roles, conflicts, and one record shared with Tasklist. */
class ApprovalApiTest extends IntegrationTest {

  @Test
  void listFiltersAndShowsItemsToReview() {
    String id = createEngagement(Map.of("requires_approval", true)).get("id").asText();
    JsonNode page = api().get("/api/v1/approvals?engagement_id=" + id + "&status=pending&type=engagement").json();
    assertThat(page.get("total").asLong()).isEqualTo(1);
    JsonNode approval = page.get("items").get(0);
    assertThat(approval.get("title").asText()).contains("Sales Analytics Platform");
    assertThat(approval.get("description").asText()).isNotBlank();
    assertThat(approval.get("engagement_id").asText()).isEqualTo(id);
    assertThat(approval.get("items_to_review").findValuesAsText("name")).contains("Objective", "Priority");
    assertThat(approval.get("created_at").asText()).isNotBlank();
    assertThat(approval.get("decided_by").isNull()).isTrue();
    assertThat(api().get("/api/v1/approvals/" + approval.get("id").asText()).text("id"))
        .isEqualTo(approval.get("id").asText());
    assertThat(api().get("/api/v1/approvals?engagement_id=" + id + "&type=deployment").json().get("total").asLong())
        .isZero();
    assertThat(api().get("/api/v1/approvals?type=coffee").status()).isEqualTo(422);
    assertThat(api().get("/api/v1/approvals?status=maybe").status()).isEqualTo(422);
    assertThat(api().get("/api/v1/approvals/none").status()).isEqualTo(404);
  }

  @Test
  void onlyApproversDecideAndASecondDecisionIsAConflict() {
    String id = createEngagement(Map.of("requires_approval", true)).get("id").asText();
    String approvalId = pending(id).get("id").asText();
    assertThat(withRole("engineer").post("/api/v1/approvals/" + approvalId + "/approve", Map.of()).status())
        .isEqualTo(403);
    Api approver = withRole("approver");
    Api.Response approved = approver.post("/api/v1/approvals/" + approvalId + "/approve",
        Map.of("comment", "Approved after review"));
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.text("status")).isEqualTo("approved");
    assertThat(approved.text("decided_by")).isEqualTo("test-approver");
    assertThat(approved.text("decision_comment")).isEqualTo("Approved after review");
    Api.Response again = approver.post("/api/v1/approvals/" + approvalId + "/reject", Map.of("comment", "no"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("error")).isEqualTo("conflict");
    // the decision outlives the task
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).isZero();
    assertThat(api().get("/api/v1/approvals/" + approvalId).text("decision_comment")).isEqualTo("Approved after review");
  }

  @Test
  void twoApproversAtTheSameMomentOneWins() throws Exception {
    String id = createEngagement(Map.of("requires_approval", true)).get("id").asText();
    String approvalId = pending(id).get("id").asText();
    Api first = withRole("approver");
    Api second = withRole("approver");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Api.Response>> decisions = new ArrayList<>();
      decisions.add(pool.submit(() -> {
        start.await();
        return first.post("/api/v1/approvals/" + approvalId + "/approve", Map.of("comment", "first"));
      }));
      decisions.add(pool.submit(() -> {
        start.await();
        return second.post("/api/v1/approvals/" + approvalId + "/reject", Map.of("comment", "second"));
      }));
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Api.Response> decision : decisions) {
        statuses.add(decision.get().status());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    JsonNode decided = api().get("/api/v1/approvals/" + approvalId).json();
    assertThat(decided.get("status").asText()).isIn("approved", "rejected");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(id).finished().count())
        .isEqualTo(1);
  }

  @Test
  void aTaskCompletedThroughTheEngineIsTheSameApproval() {
    String id = createEngagement(Map.of("requires_approval", true)).get("id").asText();
    JsonNode approval = pending(id);
    Task task = tasks.createTaskQuery().taskId(approval.get("task_id").asText()).singleResult();
    assertThat(tasks.getVariable(task.getId(), "reviewSummary").toString()).contains("Objective");
    tasks.claim(task.getId(), ADMIN_USER);
    // a variable cannot claim someone else decided: the decider is who completed the task
    tasks.complete(task.getId(), Map.of("decision", "reject", "comment", "Not this quarter", "decidedBy", "the-ceo"));
    JsonNode decided = api().get("/api/v1/approvals/" + approval.get("id").asText()).json();
    assertThat(decided.get("status").asText()).isEqualTo("rejected");
    assertThat(decided.get("decided_by").asText()).isEqualTo(ADMIN_USER);
    assertThat(decided.get("decision_comment").asText()).isEqualTo("Not this quarter");
    assertThat(status(id)).isEqualTo("cancelled");
    assertThat(api().post("/api/v1/approvals/" + approval.get("id").asText() + "/approve", Map.of()).status())
        .isEqualTo(409);
  }

  @Test
  void aTaskCompletedWithoutADecisionIsRefused() {
    String id = createEngagement(Map.of("requires_approval", true)).get("id").asText();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(task.getId()))
        .hasMessageContaining("decision");
    assertThat(pending(id).get("status").asText()).isEqualTo("pending");
  }

  private JsonNode pending(String id) {
    return api().get("/api/v1/approvals?status=pending&engagement_id=" + id).json().get("items").get(0);
  }
}
