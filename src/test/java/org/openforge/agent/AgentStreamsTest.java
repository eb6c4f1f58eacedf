package org.openforge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openforge.support.IntegrationTest;
import org.openforge.support.Scripts;
import org.springframework.beans.factory.annotation.Autowired;

/** Many subscribers on one run get every event; a client that goes away is dropped. */
class AgentStreamsTest extends IntegrationTest {

  @Autowired
  private AgentStreams streams;

  @Test
  void manySubscribersEachGetTheWholeRunAndGoneClientsCostNothing() throws Exception {
    String engagement = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    driver().runJobs(engagement);
    CountDownLatch release = new CountDownLatch(1);
    agents.script(engagement, "stakeholder_analysis", context -> {
      context.progress("waiting", "for the test");
      release.await(30, TimeUnit.SECONDS);
      context.progress("working", "again");
      return Scripts.artifact("stakeholder_analysis", Map.of("stakeholder_count", 1)).run(context);
    });
    String task = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement,
        "task_type", "stakeholder_analysis")).text("id");
    String pid = api().get("/api/v1/agents/tasks/" + task).text("process_instance_id");
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(api().base() + "/api/v1/agents/tasks/" + task + "/stream"))
        .header("X-API-Key", ADMIN_KEY).GET().build();
    int before = streams.subscriberCount();

    ExecutorService pool = Executors.newFixedThreadPool(24);
    List<CompletableFuture<List<String>>> readers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
      readers.add(CompletableFuture.supplyAsync(() -> response.body().filter(l -> l.startsWith("data:")).toList(),
          pool));
    }
    // a client that connects and goes away
    HttpResponse<InputStream> quitter = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    quitter.body().close();
    await().atMost(Duration.ofSeconds(10)).until(() -> streams.subscriberCount() >= before + 20);

    String jobId = management.createJobQuery().processInstanceId(pid).singleResult().getId();
    CompletableFuture<Void> run = CompletableFuture.runAsync(() -> management.executeJob(jobId), pool);
    Thread.sleep(500);
    release.countDown();
    run.get(30, TimeUnit.SECONDS);
    List<Integer> counts = new ArrayList<>();
    for (CompletableFuture<List<String>> reader : readers) {
      List<String> events = reader.get(30, TimeUnit.SECONDS);
      counts.add(events.size());
      assertThat(events.get(events.size() - 1)).contains("\"type\":\"completed\"");
      assertThat(String.join("\n", events)).contains("\"step\":\"waiting\"", "\"step\":\"working\"");
    }
    assertThat(counts).allMatch(c -> c.equals(counts.get(0)));
    await().atMost(Duration.ofSeconds(20)).until(() -> streams.subscriberCount() == before);
    pool.shutdownNow();
  }
}
