package org.openforge.agent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.openforge.agent.build.BuildJson;
import org.openforge.agent.build.SourceSet;
import org.openforge.agent.tool.ToolExecutor;
import org.openforge.agent.tool.ToolOutcome;

/**
 * A bounded load test of the data API's queries against the real sources: the requests its integration tests made
 * (each endpoint with real parameters) are run once in order (a warm-up, which also settles any tool approvals), then
 * by several concurrent workers round-robin until the time or request budget is spent. Latencies are measured per
 * request — the tool's execution (resolve the source, connect, run, read) and the round trip through the platform —
 * and compared with the p95 target and a 1% error budget.
 */
public final class LoadTest {

  public static final double MAX_ERROR_RATE = 0.01;

  /** One request of the mix: the endpoint it stands for and the tool call that runs its query. */
  public record Request(String endpoint, String tool, Map<String, Object> args) {}

  /** The latency target and where it comes from. */
  public record Target(double p95Ms, String source) {}

  /** What one measured call gave. */
  private record Sample(int request, double queryMs, double roundTripMs, boolean ok, String error) {}

  private LoadTest() {}

  /** The requests of the data API's integration tests, as tool calls. */
  public static List<Request> requests(JsonNode dataApi) {
    List<Request> out = new ArrayList<>();
    if (dataApi == null) {
      return out;
    }
    Map<String, JsonNode> queries = new LinkedHashMap<>();
    dataApi.path("paths").forEach(item -> {
      JsonNode op = item.path("get");
      queries.put(op.path("operationId").asText(), op.path("x-openforge-query"));
    });
    for (JsonNode test : dataApi.path("x-openforge-integration-tests").path("tests")) {
      JsonNode query = queries.get(test.path("operation_id").asText());
      if (query == null) {
        continue;
      }
      JsonNode executed = test.path("executed");
      for (int i = 0; i < executed.size(); i++) {
        JsonNode step = query.path("language").asText().equals("steps") ? query.path("steps").path(i) : query;
        String sourceId = step.path("source_id").asText(null);
        JsonNode e = executed.get(i);
        if (sourceId == null) {
          continue;
        }
        if (e.has("sql")) {
          List<Object> params = new ArrayList<>();
          e.path("params").forEach(p -> params.add(p.isNumber() ? (Object) p.asLong() : p.isNull() ? null
              : p.asText()));
          out.add(new Request(test.path("name").asText(), "execute_sql", SourceSet.sqlArgs(sourceId,
              e.get("sql").asText(), params, 500)));
        } else if (e.has("scan")) {
          Map<String, Object> args = new LinkedHashMap<>();
          args.put("source_id", sourceId);
          args.put("table", e.get("scan").asText().replaceFirst("(?i)\\.(csv|tsv)$", ""));
          args.put("max_rows", 200);
          out.add(new Request(test.path("name").asText(), "sample_rows", args));
        }
      }
    }
    return out;
  }

  /**
   * Runs the test. The warm-up goes through the run's journaled tools (each call in the task's tool-call audit; an
   * approval asked for pauses the run, which re-runs after the decision). The concurrent calls go through
   * {@code unjournaled}: the same tools and approvals without a journal entry per call (the journal numbers a task's
   * events one writer at a time, and thousands of calls would flood the task's stream); the report records them.
   * A worker's exception stops all workers and is rethrown.
   */
  public static LoadTestReport run(ToolExecutor tools, ToolExecutor unjournaled, List<Request> requests,
      DeploymentInput.LoadSettings settings, Target target) throws InterruptedException {
    if (requests.isEmpty()) {
      return LoadTestReport.notRun(target(target), settings(settings),
          "not run: there are no data API queries to load (run integration_setup first)");
    }
    int warmErrors = 0;
    for (Request r : requests) {
      if (!tools.call(null, r.tool(), r.args()).ok()) {
        warmErrors++;
      }
    }
    Map<String, Object> warmUp = BuildJson.map("requests", requests.size(), "errors", warmErrors);

    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    AtomicInteger issued = new AtomicInteger();
    AtomicReference<RuntimeException> stop = new AtomicReference<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.durationSeconds());
    ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(), r -> {
      Thread t = new Thread(r, "load-test");
      t.setDaemon(true);
      return t;
    });
    CountDownLatch done = new CountDownLatch(settings.concurrency());
    long started = System.nanoTime();
    for (int w = 0; w < settings.concurrency(); w++) {
      workers.execute(() -> {
        try {
          while (stop.get() == null && System.nanoTime() < deadline) {
            int n = issued.getAndIncrement();
            if (n >= settings.maxRequests()) {
              break;
            }
            int index = n % requests.size();
            Request r = requests.get(index);
            long t0 = System.nanoTime();
            ToolOutcome outcome = unjournaled.call(null, r.tool(), r.args());
            double roundTrip = (System.nanoTime() - t0) / 1_000_000.0;
            samples.add(new Sample(index, outcome.durationMs(), roundTrip, outcome.ok(), outcome.ok() ? null
                : outcome.message()));
          }
        } catch (RuntimeException e) {
          stop.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      });
    }
    boolean finished = done.await(settings.durationSeconds() + 60L, TimeUnit.SECONDS);
    workers.shutdownNow();
    if (stop.get() != null) {
      throw stop.get();
    }
    if (!finished) {
      throw new IllegalStateException("the load test's workers did not finish within "
          + (settings.durationSeconds() + 60) + " s");
    }
    double elapsedMs = (System.nanoTime() - started) / 1_000_000.0;
    List<Sample> all = new ArrayList<>(samples);
    int errors = (int) all.stream().filter(s -> !s.ok()).count();
    Percentiles query = Percentiles.of(all.stream().mapToDouble(Sample::queryMs).toArray());
    Percentiles roundTrip = Percentiles.of(all.stream().mapToDouble(Sample::roundTripMs).toArray());
    double errorRate = all.isEmpty() ? 1 : (double) errors / all.size();
    boolean passed = !all.isEmpty() && query.p95() <= target.p95Ms() && errorRate <= MAX_ERROR_RATE;
    List<Map<String, Object>> endpoints = new ArrayList<>();
    Map<String, List<Sample>> byEndpoint = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      byEndpoint.putIfAbsent(requests.get(i).endpoint(), new ArrayList<>());
    }
    all.forEach(s -> byEndpoint.get(requests.get(s.request()).endpoint()).add(s));
    byEndpoint.forEach((name, list) -> {
      Percentiles p = Percentiles.of(list.stream().mapToDouble(Sample::queryMs).toArray());
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("endpoint", name);
      e.put("requests", list.size());
      e.put("errors", list.stream().filter(s -> !s.ok()).count());
      e.put("p50_ms", p.p50());
      e.put("p95_ms", p.p95());
      endpoints.add(e);
    });
    Map<String, Long> messages = new LinkedHashMap<>();
    all.stream().filter(s -> !s.ok()).forEach(s -> messages.merge(s.error(), 1L, Long::sum));
    String verdict = (passed ? "passed: " : "failed: ") + "p95 " + query.p95() + " ms " + (query.p95()
        <= target.p95Ms() ? "≤" : ">") + " " + target.p95Ms() + " ms; " + errors + " errors in " + all.size()
        + " requests (" + (errorRate <= MAX_ERROR_RATE ? "within" : "over") + " the 1% budget)";
    return new LoadTestReport(LoadTestReport.SCHEMA_VERSION, target(target), settings(settings), requests.size(),
        warmUp, all.size(), errors, Math.round(errorRate * 10000) / 10000.0, Math.round(elapsedMs),
        elapsedMs == 0 ? 0 : Math.round(all.size() / (elapsedMs / 1000.0) * 10) / 10.0, query, roundTrip, endpoints,
        messages, passed, verdict);
  }

  private static Map<String, Object> target(Target t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p95_ms", t.p95Ms());
    m.put("max_error_rate", MAX_ERROR_RATE);
    m.put("source", t.source());
    return m;
  }

  private static Map<String, Object> settings(DeploymentInput.LoadSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("duration_seconds", s.durationSeconds());
    m.put("concurrency", s.concurrency());
    m.put("max_requests", s.maxRequests());
    return m;
  }
}
