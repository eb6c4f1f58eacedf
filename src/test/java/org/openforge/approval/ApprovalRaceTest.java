package org.openforge.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;

/**
 * One approval decided at the same moment through our API and through engine REST (what Tasklist calls): exactly one
 * decision wins, the loser gets a 4xx (409 with the approval's state from our API, 400 from engine REST), never a 5xx,
 * and the approval holds one decision and its task one completion. Rounds alternate which request is sent first.
 */
class ApprovalRaceTest extends IntegrationTest {

  private static final int ROUNDS = 12;

  @Test
  void anApiDecisionAndATasklistCompletionOneWins() throws Exception {
    Api approver = withRole("approver");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      int apiWins = 0;
      int engineWins = 0;
      for (int round = 0; round < ROUNDS; round++) {
        String id = createEngagement(Map.of("requires_approval", true,
            "agent_config", Map.of("auto_run", false))).get("id").asText();
        JsonNode approval = api().get("/api/v1/approvals?status=pending&engagement_id=" + id).json()
            .get("items").get(0);
        String approvalId = approval.get("id").asText();
        String taskId = approval.get("task_id").asText();
        Callable<Api.Response> viaApi = () -> approver.post("/api/v1/approvals/" + approvalId + "/approve",
            Map.of("comment", "api"));
        Callable<Api.Response> viaEngine = () -> completeThroughEngineRest(taskId);
        boolean apiFirst = round % 2 == 0;
        // the second request leaves a little later each round, so the races cover several interleavings
        long lag = (round / 2) * 10L;
        List<Api.Response> answers = race(pool, apiFirst ? viaApi : viaEngine, apiFirst ? viaEngine : viaApi, lag);
        Api.Response api = answers.get(apiFirst ? 0 : 1);
        Api.Response engine = answers.get(apiFirst ? 1 : 0);
        String where = "round " + round + ": api " + api + " / engine " + engine;

        assertThat(api.status()).as(where).isIn(200, 409);
        assertThat(engine.status()).as(where).isIn(204, 400, 404);
        assertThat(api.status() == 200).as("exactly one winner, " + where).isNotEqualTo(engine.status() == 204);
        JsonNode decided = api().get("/api/v1/approvals/" + approvalId).json();
        assertThat(decided.get("status").asText()).as(where).isEqualTo("approved");
        if (api.status() == 200) {
          apiWins++;
          assertThat(decided.get("decision_comment").asText()).as(where).isEqualTo("api");
        } else {
          engineWins++;
          assertThat(decided.get("decision_comment").asText()).as(where).isEqualTo("tasklist");
          assertThat(api.text("approval_status")).as("the loser sees the current state").isEqualTo("approved");
        }
        assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).as(where)
            .isEqualTo(1);
        driver().runJobs(id);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
            .processDefinitionKey("phase-discovery").count()).as("the lifecycle moved on once, " + where)
            .isEqualTo(1);
      }
      assertThat(apiWins + engineWins).isEqualTo(ROUNDS);
      System.out.printf("approval race: api won %d, engine REST won %d of %d%n", apiWins, engineWins, ROUNDS);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTasklistCompletionOfADecidedApprovalIsAFourHundred() {
    Api approver = withRole("approver");
    String id = createEngagement(Map.of("requires_approval", true)).get("id").asText();
    JsonNode approval = api().get("/api/v1/approvals?status=pending&engagement_id=" + id).json().get("items").get(0);
    assertThat(approver.post("/api/v1/approvals/" + approval.get("id").asText() + "/approve", Map.of()).status())
        .isEqualTo(200);
    Api.Response late = completeThroughEngineRest(approval.get("task_id").asText());
    assertThat(late.status()).as(late.toString()).isEqualTo(400);
    assertThat(late.text("type")).isEqualTo("BadUserRequestException");
    assertThat(late.text("message")).contains("already approved");
  }

  private static List<Api.Response> race(ExecutorService pool, Callable<Api.Response> first,
      Callable<Api.Response> second, long lagMillis) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> futures = new ArrayList<>();
    futures.add(pool.submit(() -> {
      start.await();
      return first.call();
    }));
    futures.add(pool.submit(() -> {
      start.await();
      Thread.sleep(lagMillis);
      return second.call();
    }));
    start.countDown();
    List<Api.Response> answers = new ArrayList<>();
    for (Future<Api.Response> f : futures) {
      answers.add(f.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  private Api.Response completeThroughEngineRest(String taskId) {
    String basic = Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    String body = Api.json(Map.of("variables", Map.of(
        "decision", Map.of("value", "approve", "type", "String"),
        "comment", Map.of("value", "tasklist", "type", "String"))));
    return anonymous().send(HttpRequest.newBuilder(URI.create(anonymous().base() + "/engine-rest/task/" + taskId
            + "/complete")).header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
