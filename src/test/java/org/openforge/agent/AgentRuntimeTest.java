package org.openforge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.runtime.Job;
import org.openforge.engagement.ArtifactService;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.support.ScriptedChatModels;
import org.openforge.support.Scripts;

/** Agent tasks as BPMN work, with a scripted fake model: tool calls, approvals, limits, retries, live streams. */
class AgentRuntimeTest extends IntegrationTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aMultiStepLlmRunCallsToolsAndRecordsItsConversationAndUsage() {
    String script = "multi-" + UUID.randomUUID();
    String engagement = llmEngagement(script, Map.of());
    agents.script(engagement, "stakeholder_analysis", Scripts.artifact("stakeholder_analysis",
        Map.of("stakeholder_count", 3)));
    agents.script(engagement, "requirements_gathering", Scripts.artifact("requirements_document",
        Map.of("requirement_count", 4)));
    models.script(script, ScriptedChatModels.answer("first review"), models.toolCall("list_artifacts", "{}"),
        models.toolCall("read_artifact", "{\"kind\":\"stakeholder_analysis\"}"),
        ScriptedChatModels.answer("## Findings\nThree stakeholders documented."));
    createTask(engagement, "stakeholder_analysis");
    driver().runJobs(engagement);
    String task = createTask(engagement, "requirements_gathering").text("id");
    driver().runJobs(engagement);

    JsonNode done = api().get("/api/v1/agents/tasks/" + task).json();
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("result").get("llm_review").asText()).contains("Three stakeholders");
    assertThat(done.get("usage").get("model_calls").asInt()).isEqualTo(3);
    assertThat(done.get("usage").get("provider").asText()).isEqualTo("scripted");
    assertThat(done.get("usage").get("input_tokens").asLong()).isEqualTo(360);
    assertThat(done.get("usage").get("output_tokens").asLong()).isEqualTo(90);

    JsonNode messages = api().get("/api/v1/agents/tasks/" + task + "/messages?channel=model").json();
    assertThat(messages.findValuesAsText("role"))
        .containsExactly("system", "user", "assistant", "tool", "assistant", "tool", "assistant");
    JsonNode firstCall = messages.get(2).get("tool_calls").get(0);
    assertThat(firstCall.get("name").asText()).isEqualTo("list_artifacts");
    assertThat(firstCall.get("result").asText()).contains("stakeholder_analysis");
    assertThat(firstCall.get("duration_ms").isNumber()).isTrue();
    assertThat(messages.get(4).get("tool_calls").get(0).get("arguments").asText()).contains("stakeholder_analysis");
    assertThat(models.requests(script).get(3).messages()).hasSize(6);

    List<JsonNode> events = events(task);
    assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("completed");
    assertThat(events.stream().filter(e -> "tool_call".equals(e.get("type").asText()))
        .map(e -> e.get("tool").asText() + ":" + e.get("status").asText()))
        .contains("list_artifacts:completed", "read_artifact:completed", "write_file:completed");
    assertThat(api().get("/api/v1/engagements/" + engagement + "/artifacts").body())
        .contains("requirements-gathering-review.md");
    JsonNode usage = api().get("/api/v1/engagements/" + engagement + "/summary").json().get("usage");
    assertThat(usage.get("model_calls").asInt()).isEqualTo(4);
    assertThat(usage.get("input_tokens").asLong()).isEqualTo(480);
  }

  @Test
  void aSensitiveToolCallWaitsInTasklistUntilApproved() {
    String script = "approve-" + UUID.randomUUID();
    String engagement = llmEngagement(script, Map.of("tool_executions", List.of("read_artifact")));
    agents.script(engagement, "requirements_gathering", Scripts.artifact("requirements_document",
        Map.of("requirement_count", 4)));
    models.script(script, ScriptedChatModels.answer("first review"),
        models.toolCall("read_artifact", "{\"kind\":\"requirements_document\"}"),
        ScriptedChatModels.answer("Requirements look complete."));
    createTask(engagement, "requirements_gathering");
    driver().runJobs(engagement);
    String task = createTask(engagement, "requirements_gathering").text("id");
    driver().runJobs(engagement);

    assertThat(api().get("/api/v1/agents/tasks/" + task).text("status")).isEqualTo("waiting_approval");
    JsonNode approval = pendingToolApproval(engagement);
    assertThat(approval.get("items_to_review").toString()).contains("read_artifact", "requirements_document");
    assertThat(approval.get("phase").asText()).isEqualTo("discovery");
    String pid = api().get("/api/v1/agents/tasks/" + task).text("process_instance_id");
    processes().waitingAt(pid, "UserTask_ApproveAgentRequest");
    assertThat(tasks.getVariable(approval.get("task_id").asText(), "reviewSummary").toString())
        .contains("read_artifact");

    assertThat(withRole("approver").post("/api/v1/approvals/" + approval.get("id").asText() + "/approve",
        Map.of("comment", "reading our own artifact is fine")).status()).isEqualTo(200);
    driver().runJobs(engagement);
    JsonNode done = api().get("/api/v1/agents/tasks/" + task).json();
    assertThat(done.get("status").asText()).isEqualTo("completed");
    JsonNode messages = api().get("/api/v1/agents/tasks/" + task + "/messages?channel=model").json();
    assertThat(messages.findValuesAsText("role")).containsExactly("system", "user", "assistant", "tool", "assistant");
    assertThat(messages.get(3).get("content").asText()).contains("requirement_count");
    assertThat(events(task).stream().map(e -> e.path("status").asText()))
        .containsSubsequence("waiting_approval", "running", "completed");
  }

  @Test
  void filesNeedingApprovalAreAllApprovedBeforeAnyIsWrittenAndTheModelIsNotAskedAgain() {
    String script = "files-" + UUID.randomUUID();
    String engagement = llmEngagement(script, Map.of("tool_executions", List.of("write_file")));
    agents.script(engagement, "requirements_gathering", context -> new AgentResult(Map.of(), List.of(
        new ArtifactService.Draft("requirements.json", "requirements_document", "application/json",
            "{\"schema_version\":1,\"method\":[\"run " + System.nanoTime() + "\"]}", "requirements",
            Map.of("requirement_count", 4)),
        new ArtifactService.Draft("questions.md", "open_questions", "text/markdown", "- which regions?", "questions",
            Map.of())), 0.9, "two files"));
    models.script(script, ScriptedChatModels.answer("Requirements look complete."));
    String task = createTask(engagement, "requirements_gathering").text("id");

    for (String file : List.of("requirements.json", "questions.md", "requirements-gathering-review.md")) {
      driver().runJobs(engagement);
      assertThat(api().get("/api/v1/agents/tasks/" + task).text("status")).isEqualTo("waiting_approval");
      assertThat(api().get("/api/v1/engagements/" + engagement + "/artifacts").json()).as("nothing written yet")
          .isEmpty();
      JsonNode approval = pendingToolApproval(engagement);
      assertThat(approval.get("items_to_review").toString()).contains(file);
      assertThat(api().post("/api/v1/approvals/" + approval.get("id").asText() + "/approve", Map.of()).status())
          .isEqualTo(200);
    }
    driver().runJobs(engagement);
    assertThat(api().get("/api/v1/agents/tasks/" + task).text("status")).isEqualTo("completed");
    JsonNode artifacts = api().get("/api/v1/engagements/" + engagement + "/artifacts").json();
    assertThat(artifacts.findValuesAsText("name")).containsExactlyInAnyOrder("requirements.json", "questions.md",
        "requirements-gathering-review.md");
    assertThat(artifacts.findValuesAsText("version")).containsOnly("1");
    assertThat(models.requests(script)).hasSize(1);
    assertThat(agents.runs(engagement, "requirements_gathering")).isEqualTo(4);
  }

  @Test
  void aRejectedToolCallIsReportedToTheModelWhichContinuesWithoutIt() {
    String script = "reject-" + UUID.randomUUID();
    String engagement = llmEngagement(script, Map.of("tool_executions", List.of("read_artifact")));
    agents.script(engagement, "requirements_gathering", Scripts.artifact("requirements_document",
        Map.of("requirement_count", 4)));
    models.script(script, models.toolCall("read_artifact", "{\"kind\":\"requirements_document\"}"),
        ScriptedChatModels.answer("Reviewed without reading the document."));
    String task = createTask(engagement, "requirements_gathering").text("id");
    driver().runJobs(engagement);
    JsonNode approval = pendingToolApproval(engagement);
    api().post("/api/v1/approvals/" + approval.get("id").asText() + "/reject", Map.of("comment", "not now"));
    driver().runJobs(engagement);

    assertThat(api().get("/api/v1/agents/tasks/" + task).text("status")).isEqualTo("completed");
    JsonNode messages = api().get("/api/v1/agents/tasks/" + task + "/messages?channel=model").json();
    assertThat(messages.get(3).get("content").asText()).startsWith("REFUSED").contains("not now");
    assertThat(messages.get(2).get("tool_calls").get(0).get("status").asText()).isEqualTo("refused");
    assertThat(models.requests(script)).hasSize(2);
    assertThat(api().get("/api/v1/approvals/" + approval.get("id").asText()).text("status")).isEqualTo("rejected");
  }

  @Test
  void aRunThatExceedsItsIterationLimitFailsClearly() {
    String script = "loop-" + UUID.randomUUID();
    String engagement = llmEngagement(script, Map.of());
    agents.script(engagement, "stakeholder_analysis", Scripts.artifact("stakeholder_analysis",
        Map.of("stakeholder_count", 1)));
    models.script(script, models.toolCall("list_artifacts", "{}"), models.toolCall("list_artifacts", "{}"),
        models.toolCall("list_artifacts", "{}"));
    Api.Response created = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement,
        "task_type", "stakeholder_analysis", "description", "review", "max_iterations", 2));
    String task = created.text("id");
    driver().runJobs(engagement);
    JsonNode failed = api().get("/api/v1/agents/tasks/" + task).json();
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).contains("iteration limit of 2");
    processes().ended(failed.get("process_instance_id").asText(), "EndEvent_AgentDeclined");
    assertThat(runtime.createIncidentQuery().processInstanceId(failed.get("process_instance_id").asText()).count())
        .isZero();
    assertThat(events(task).get(events(task).size() - 1).get("type").asText()).isEqualTo("failed");
    assertThat(models.requests(script)).hasSize(2);
  }

  @Test
  void aFailedRunRetriesThenRaisesAnIncidentAndTheRetryCallFinishesIt() {
    String script = "retry-" + UUID.randomUUID();
    String engagement = llmEngagement(script, Map.of());
    agents.script(engagement, "stakeholder_analysis", Scripts.artifact("stakeholder_analysis",
        Map.of("stakeholder_count", 1)));
    models.script(script, ScriptedChatModels.fail("model server unavailable"),
        ScriptedChatModels.fail("model server unavailable"), ScriptedChatModels.fail("model server unavailable"),
        ScriptedChatModels.answer("fine now"));
    String task = createTask(engagement, "stakeholder_analysis").text("id");
    driver().runJobs(engagement);
    JsonNode failed = api().get("/api/v1/agents/tasks/" + task).json();
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("attempts").asInt()).isEqualTo(3);
    assertThat(failed.get("error").asText()).contains("model server unavailable");
    assertThat(runtime.createIncidentQuery().processInstanceId(failed.get("process_instance_id").asText())
        .singleResult().getIncidentMessage()).contains("model server unavailable");
    assertThat(api().post("/api/v1/agents/tasks/" + task + "/retry", Map.of()).text("status")).isEqualTo("pending");
    driver().runJobs(engagement);
    assertThat(api().get("/api/v1/agents/tasks/" + task).text("status")).isEqualTo("completed");
    assertThat(api().post("/api/v1/agents/tasks/" + task + "/retry", Map.of()).status()).isEqualTo(409);
    // one conversation across the attempts
    JsonNode messages = api().get("/api/v1/agents/tasks/" + task + "/messages?channel=model").json();
    assertThat(messages.findValuesAsText("role")).containsExactly("system", "user", "assistant");
  }

  @Test
  void aStreamReadWhileTheRunIsInProgressShowsEventsLiveAndEndsWithCompleted() throws Exception {
    String script = "stream-" + UUID.randomUUID();
    String engagement = llmEngagement(script, Map.of());
    agents.script(engagement, "stakeholder_analysis", Scripts.artifact("stakeholder_analysis",
        Map.of("stakeholder_count", 2)));
    CountDownLatch release = new CountDownLatch(1);
    models.script(script, models.toolCall("list_artifacts", "{}"),
        ScriptedChatModels.after(release, ScriptedChatModels.answer("done")));
    driver().runJobs(engagement);  // the lifecycle's own jobs first; the task's job runs below, watched
    Api.Response created = createTask(engagement, "stakeholder_analysis");
    String task = created.text("id");

    HttpRequest request = HttpRequest.newBuilder(URI.create(api().base() + "/api/v1/agents/tasks/" + task + "/stream"))
        .header("X-API-Key", ADMIN_KEY).header("Accept", "text/event-stream").GET().build();
    HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
        HttpResponse.BodyHandlers.ofLines());
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<JsonNode> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Instant> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> response.body().forEach(line -> {
      if (line.startsWith("data:")) {
        try {
          received.add(MAPPER.readTree(line.substring(5).trim()));
          arrivals.add(Instant.now());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }), threads);
    Job job = management.createJobQuery().processInstanceId(created.text("process_instance_id")).singleResult();
    CompletableFuture<Void> run = CompletableFuture.runAsync(() -> management.executeJob(job.getId()), threads);

    long deadline = System.currentTimeMillis() + 20_000;
    while (received.stream().noneMatch(e -> "list_artifacts".equals(e.path("tool").asText())
        && "completed".equals(e.path("status").asText())) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(run).as("the run waits for the model").isNotDone();
    int seenWhileRunning = received.size();
    assertThat(seenWhileRunning).isGreaterThanOrEqualTo(3);
    Thread.sleep(300);
    release.countDown();
    run.get(30, TimeUnit.SECONDS);
    reader.get(30, TimeUnit.SECONDS);
    threads.shutdown();

    assertThat(received.get(received.size() - 1).get("type").asText()).isEqualTo("completed");
    assertThat(received.size()).isGreaterThan(seenWhileRunning);
    assertThat(Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1)).toMillis()).isGreaterThan(250);
    for (int i = 1; i < received.size(); i++) {
      assertThat(received.get(i).get("seq").asInt()).isEqualTo(received.get(i - 1).get("seq").asInt() + 1);
    }
    assertThat(received.get(0).get("type").asText()).isEqualTo("progress");
    assertThat(received.get(0).get("step").asText()).isEqualTo("started");
  }

  @Test
  void aFinishedTaskStreamReplaysAndCloses() {
    String engagement = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    agents.script(engagement, "stakeholder_analysis", Scripts.artifact("stakeholder_analysis",
        Map.of("stakeholder_count", 2)));
    String task = createTask(engagement, "stakeholder_analysis").text("id");
    driver().runJobs(engagement);
    List<JsonNode> replay = events(task);
    assertThat(replay).extracting(e -> e.get("type").asText()).startsWith("progress").endsWith("completed");
    assertThat(replay.get(replay.size() - 1).get("artifacts").get(0).get("kind").asText())
        .isEqualTo("stakeholder_analysis");
    // an API task's outputs are gate evidence: the waiting discovery gate saw them
    JsonNode evaluations = api().get("/api/v1/engagements/" + engagement + "/gate-evaluations").json();
    assertThat(evaluations.get(0).get("inputs").get("stakeholderCount").asInt()).isEqualTo(2);
    assertThat(evaluations.get(0).get("origin").asText()).isEqualTo("process");
  }

  @Test
  void aRunCancelledWhileItWorksStopsAtItsNextStepAndStaysCancelled() throws Exception {
    String engagement = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    driver().runJobs(engagement);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean wentOn = new java.util.concurrent.atomic.AtomicBoolean();
    agents.script(engagement, "stakeholder_analysis", context -> {
      started.countDown();
      assertThat(cancelled.await(30, TimeUnit.SECONDS)).isTrue();
      context.tools().call(null, "list_artifacts", Map.of());
      wentOn.set(true);
      return Scripts.artifact("stakeholder_analysis", Map.of("stakeholder_count", 1)).run(context);
    });
    String task = createTask(engagement, "stakeholder_analysis").text("id");
    Job job = driver().jobs(engagement).get(0);
    CompletableFuture<Void> run = CompletableFuture.runAsync(() -> management.executeJob(job.getId()));
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(api().post("/api/v1/agents/tasks/" + task + "/cancel", Map.of()).status()).isEqualTo(200);
    cancelled.countDown();
    assertThat(run).failsWithin(Duration.ofSeconds(30));
    assertThat(wentOn).isFalse();
    assertThat(api().get("/api/v1/agents/tasks/" + task).text("status")).isEqualTo("cancelled");
    assertThat(api().get("/api/v1/engagements/" + engagement + "/artifacts").json()).isEmpty();
  }

  @Test
  void taskValidationListingAndCancel() {
    String engagement = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    Api.Response unknown = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement,
        "task_type", "world_domination"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.get("errors").get(0).get("message").asText()).contains("stakeholder_analysis",
        "deployment_config");
    assertThat(api().post("/api/v1/agents/tasks", Map.of("engagement_id", "none", "task_type",
        "stakeholder_analysis")).status()).isEqualTo(422);
    assertThat(api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement, "task_type",
        "stakeholder_analysis", "max_iterations", 0)).status()).isEqualTo(422);
    Api.Response created = createTask(engagement, "schema_validation");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("status")).isEqualTo("pending");
    assertThat(created.text("phase")).isEqualTo("design");
    JsonNode pending = api().get("/api/v1/agents/tasks?engagement_id=" + engagement + "&status=pending").json();
    assertThat(pending.get("total").asInt()).isEqualTo(1);
    Api.Response cancelled = api().post("/api/v1/agents/tasks/" + created.text("id") + "/cancel", Map.of());
    assertThat(cancelled.text("status")).isEqualTo("cancelled");
    assertThat(api().post("/api/v1/agents/tasks/" + created.text("id") + "/cancel", Map.of()).status())
        .isEqualTo(409);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(created.text("process_instance_id")).count())
        .isZero();
    assertThat(events(created.text("id"))).extracting(e -> e.get("type").asText()).endsWith("failed");
    assertThat(api().get("/api/v1/agents/tasks/none").status()).isEqualTo(404);
    assertThat(api().get("/api/v1/agents/tasks?status=asleep").status()).isEqualTo(422);
  }

  @Test
  void aBuiltInRunsMessagesShowItsInputToolCallsAndResult() {
    String engagement = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    agents.script(engagement, "stakeholder_analysis", context -> {
      context.tools().require("list_artifacts", Map.of());
      return Scripts.artifact("stakeholder_analysis", Map.of("stakeholder_count", 2)).run(context);
    });
    String task = createTask(engagement, "stakeholder_analysis").text("id");
    driver().runJobs(engagement);
    JsonNode messages = api().get("/api/v1/agents/tasks/" + task + "/messages").json();
    assertThat(messages.findValuesAsText("channel")).containsOnly("agent");
    assertThat(messages.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "assistant", "tool",
        "assistant");
    assertThat(messages.get(0).get("content").asText()).contains("stakeholder_analysis", "from the test");
    assertThat(messages.get(1).get("tool_calls").get(0).get("name").asText()).isEqualTo("list_artifacts");
    assertThat(messages.get(3).get("tool_calls").get(0).get("name").asText()).isEqualTo("write_file");
    assertThat(messages.get(3).get("tool_calls").get(0).get("result").asText()).contains("stakeholder_analysis");
    assertThat(messages.get(5).get("content").asText()).isEqualTo("produced stakeholder_analysis");
    assertThat(api().get("/api/v1/agents/tasks/" + task + "/messages?channel=model").json()).isEmpty();
    assertThat(api().get("/api/v1/agents/tasks/" + task + "/messages?channel=x").status()).isEqualTo(422);
  }

  private String llmEngagement(String script, Map<String, Object> approvalSettings) {
    return createEngagement(Map.of("agent_config", Map.of("auto_run", false,
        "approval_settings", approvalSettings, "llm", Map.of("provider", "scripted", "model", script))))
        .get("id").asText();
  }

  private Api.Response createTask(String engagement, String type) {
    Api.Response created = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement, "task_type", type,
        "description", "test " + type, "input_data", Map.of("note", "from the test")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created;
  }

  private JsonNode pendingToolApproval(String engagement) {
    JsonNode items = api().get("/api/v1/approvals?engagement_id=" + engagement + "&status=pending&type=tool_execution")
        .json().get("items");
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  /** The task's stream read to its end (the task is finished, so the server replays and closes). */
  private List<JsonNode> events(String task) {
    Api.Response response = api().get("/api/v1/agents/tasks/" + task + "/stream");
    List<JsonNode> events = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      if (line.startsWith("data:")) {
        try {
          events.add(MAPPER.readTree(line.substring(5).trim()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return events;
  }
}
