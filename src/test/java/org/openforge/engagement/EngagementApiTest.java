package org.openforge.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;

/** The engagement endpoints over real HTTP: success and error cases, nothing changed on bad input. */
class EngagementApiTest extends IntegrationTest {

  @Test
  void createGetAndListWithPagingAndStatusFilter() {
    JsonNode created = createEngagement(Map.of("description", "We need regional comparisons",
        "agent_config", Map.of("auto_run", false, "approval_settings", Map.of("tool_executions", List.of("execute_sql")))));
    assertThat(created.get("status").asText()).isEqualTo("approved");
    assertThat(created.get("priority").asText()).isEqualTo("high");
    assertThat(created.get("agent_config").get("approval_settings").get("phase_transitions").asBoolean()).isTrue();
    assertThat(created.get("agent_config").get("approval_settings").get("tool_executions").get(0).asText())
        .isEqualTo("execute_sql");
    String id = created.get("id").asText();
    assertThat(api().get("/api/v1/engagements/" + id).text("name")).isEqualTo("Sales Analytics Platform");

    JsonNode draft = createEngagement(Map.of("submit", false, "name", "Draft one"));
    assertThat(draft.get("status").asText()).isEqualTo("draft");
    assertThat(draft.get("process_instance_id").isNull()).isTrue();

    Api.Response page = api().get("/api/v1/engagements?page=1&page_size=1");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(page.get("page_size").asInt()).isEqualTo(1);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);

    JsonNode drafts = api().get("/api/v1/engagements?status=draft&page_size=100").json();
    assertThat(drafts.get("items").findValuesAsText("status")).containsOnly("draft");
    assertThat(drafts.get("items").findValuesAsText("id")).contains(draft.get("id").asText());
    assertThat(api().get("/api/v1/engagements?status=sleeping").status()).isEqualTo(422);
    assertThat(api().get("/api/v1/engagements?page=0").status()).isEqualTo(422);
    assertThat(api().get("/api/v1/engagements?page_size=1000").status()).isEqualTo(422);
    assertThat(api().get("/api/v1/engagements?page=x").status()).isEqualTo(422);
  }

  @Test
  void submitTurnsADraftIntoARunningLifecycleOnce() {
    String id = createEngagement(Map.of("submit", false)).get("id").asText();
    assertThat(api().post("/api/v1/engagements/" + id + "/pause", Map.of()).status()).isEqualTo(409);
    Api.Response submitted = api().post("/api/v1/engagements/" + id + "/submit", Map.of());
    assertThat(submitted.status()).isEqualTo(200);
    assertThat(submitted.text("status")).isEqualTo("approved");
    Api.Response again = api().post("/api/v1/engagements/" + id + "/submit", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("error")).isEqualTo("conflict");
  }

  @Test
  void concurrentStateChangesPassOneAtATime() throws Exception {
    String id = createEngagement(Map.of("submit", false)).get("id").asText();
    assertThat(race(4, () -> api().post("/api/v1/engagements/" + id + "/submit", Map.of()).status()))
        .containsExactlyInAnyOrder(200, 409, 409, 409);
    assertThat(race(4, () -> api().post("/api/v1/engagements/" + id + "/cancel", Map.of()).status()))
        .containsExactlyInAnyOrder(200, 409, 409, 409);
    assertThat(api().get("/api/v1/engagements/" + id).text("status")).isEqualTo("cancelled");
  }

  private static List<Integer> race(int n, java.util.concurrent.Callable<Integer> request) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return request.call();
        }));
      }
      start.countDown();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<Integer> result : results) {
        statuses.add(result.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badInputIsA4xxProblemAndChangesNothing() {
    long before = total();
    assertProblem(api().post("/api/v1/engagements", "{\"name\": \"x\", "), 400, "malformed_json");
    assertProblem(api().post("/api/v1/engagements", ""), 400, "malformed_json");
    Api.Response missing = api().post("/api/v1/engagements", Map.of("objective", "No name"));
    assertProblem(missing, 422, "validation_error");
    assertThat(missing.get("errors").findValuesAsText("field")).contains("name");
    Api.Response blankObjective = api().post("/api/v1/engagements", Map.of("name", "n", "objective", "  "));
    assertProblem(blankObjective, 422, "validation_error");
    assertThat(blankObjective.get("errors").findValuesAsText("field")).contains("objective");
    Api.Response priority = api().post("/api/v1/engagements", Map.of("name", "n", "objective", "o",
        "priority", "urgent"));
    assertProblem(priority, 422, "validation_error");
    assertThat(priority.get("errors").get(0).get("field").asText()).isEqualTo("priority");
    assertThat(priority.get("errors").get(0).get("message").asText()).contains("low", "critical");
    Api.Response wrongType = api().post("/api/v1/engagements", Map.of("name", "n", "objective", "o",
        "requires_approval", "maybe"));
    assertProblem(wrongType, 422, "validation_error");
    assertThat(wrongType.get("errors").get(0).get("field").asText()).isEqualTo("requires_approval");
    Api.Response unknownField = api().post("/api/v1/engagements", Map.of("name", "n", "objective", "o",
        "colour", "blue"));
    assertProblem(unknownField, 422, "validation_error");
    assertThat(unknownField.get("errors").get(0).get("field").asText()).isEqualTo("colour");
    Api.Response threshold = api().post("/api/v1/engagements", Map.of("name", "n", "objective", "o",
        "agent_config", Map.of("auto_approve_threshold", 1.5, "always_require_approval", List.of("lunch"))));
    assertProblem(threshold, 422, "validation_error");
    assertThat(threshold.get("errors").findValuesAsText("field"))
        .contains("agent_config.auto_approve_threshold", "agent_config.always_require_approval[0]");
    Api.Response unknownSource = api().post("/api/v1/engagements", Map.of("name", "n", "objective", "o",
        "data_source_ids", List.of("no-such-source")));
    assertProblem(unknownSource, 422, "validation_error");
    Api.Response blank = api().post("/api/v1/engagements", Map.of("name", " ", "objective", "o"));
    assertProblem(blank, 422, "validation_error");
    Api.Response huge = api().post("/api/v1/engagements", Map.of("name", "n", "objective", "x".repeat(1_100_000)));
    assertProblem(huge, 413, "payload_too_large");
    Api.Response xml = api().send(HttpRequest.newBuilder(URI.create(api().base() + "/api/v1/engagements"))
        .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<e/>")));
    assertProblem(xml, 415, "unsupported_media_type");
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void unknownIdsAre404Problems() {
    assertProblem(api().get("/api/v1/engagements/nope"), 404, "not_found");
    assertProblem(api().post("/api/v1/engagements/nope/pause", Map.of()), 404, "not_found");
    assertProblem(api().get("/api/v1/engagements/nope/summary"), 404, "not_found");
    assertProblem(api().get("/api/v1/nothing-here"), 404, "not_found");
  }

  @Test
  void artifactsAreListedAndDownloadedRawWithTheirMediaType() {
    String id = createEngagement(Map.of()).get("id").asText();
    agents.script(id, "stakeholder_analysis", org.openforge.support.Scripts.artifact("stakeholder_analysis",
        Map.of("stakeholder_count", 2)));
    driver().runJobs(id);
    JsonNode list = api().get("/api/v1/engagements/" + id + "/artifacts").json();
    JsonNode artifact = list.get(0);
    assertThat(artifact.get("kind").asText()).isEqualTo("stakeholder_analysis");
    assertThat(artifact.get("version").asInt()).isEqualTo(1);
    assertThat(artifact.has("content")).isFalse();
    Api.Response raw = api().get("/api/v1/engagements/" + id + "/artifacts/" + artifact.get("id").asText());
    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.contentType()).startsWith("application/json");
    assertThat(raw.get("schema_version").asInt()).isEqualTo(1);
    assertProblem(api().get("/api/v1/engagements/" + id + "/artifacts/none"), 404, "not_found");

    Api.Response link = api().get("/api/v1/engagements/" + id + "/artifacts/" + artifact.get("id").asText() + "/link");
    assertThat(link.status()).isEqualTo(200);
    Api.Response opened = anonymous().get(link.text("url"));
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.body()).contains("schema_version");
    assertThat(anonymous().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(anonymous().base()
        + link.text("url"))).GET()).contentType()).startsWith("application/json");
    assertProblem(anonymous().get(link.text("url").replace("sig=", "sig=x")), 403, "forbidden");
  }

  @Test
  void viewersReadButDoNotWrite() {
    Api viewer = withRole("viewer");
    assertThat(viewer.get("/api/v1/engagements").status()).isEqualTo(200);
    Api.Response denied = viewer.post("/api/v1/engagements", Map.of("name", "n", "objective", "o"));
    assertProblem(denied, 403, "forbidden");
    Api engineer = withRole("engineer");
    assertThat(engineer.post("/api/v1/engagements", Map.of("name", "n", "objective", "o")).status()).isEqualTo(201);
    Map<String, Object> otherServer = Map.of("name", "n", "agent_config",
        Map.of("llm", Map.of("provider", "openai", "base_url", "https://elsewhere.example/v1")));
    long before = total();
    assertProblem(engineer.post("/api/v1/engagements", otherServer), 403, "forbidden");
    assertThat(total()).isEqualTo(before);
    assertThat(api().post("/api/v1/engagements", otherServer).status()).isEqualTo(201);
  }

  private long total() {
    return api().get("/api/v1/engagements?page_size=1").get("total").asLong();
  }

  static void assertProblem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("error")).isEqualTo(code);
    assertThat(response.text("request_id")).isNotBlank();
    assertThat(response.text("timestamp")).isNotBlank();
    assertThat(response.text("detail")).isNotBlank();
  }
}
