package org.openforge.agent.deploy;

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
import org.openforge.agent.build.served.DataApiHttp;
import org.openforge.agent.build.served.ServedApiTests;
import org.openforge.agent.build.served.ServedProducts;

/**
 * The deployment's load test: the served data API driven over HTTP on 127.0.0.1, bounded in requests and time, with
 * p50/p95/p99 and errors measured against the response-time requirement.
 */
public final class LoadTest {

  public static final double MAX_ERROR_RATE = 0.01;

  public static final String METHOD = "HTTP GET of the served data API (stage preview) on the platform's own address "
      + "127.0.0.1 with a product key issued for the run; latency is each call's round trip as the client measured it";

  /** One request of the mix: a GET of the served data API, by its path under the product. */
  public record Request(String endpoint, String path) {}

  /** The latency target and where it comes from. */
  public record Target(double p95Ms, String source) {}

  /** What one measured call gave. */
  private record Sample(int request, double ms, boolean ok, String error) {}

  private LoadTest() {}

  /**
   * The mix over the served product's models (at most {@link ServedApiTests#MAX_MODELS}): a first page of 100 rows, a
   * later page sorted descending by a number column, and the model's summary.
   */
  public static List<Request> requests(ServedProducts.Built built) {
    List<Request> out = new ArrayList<>();
    for (ServedProducts.Model m : built.models().stream().limit(ServedApiTests.MAX_MODELS).toList()) {
      String sortBy = m.columns().stream().filter(c -> c.kind().equals("number")).findFirst()
          .orElse(m.columns().get(0)).name();
      out.add(request("/" + m.name() + "?page_size=100"));
      out.add(request("/" + m.name() + "?page=2&page_size=20&sort=-" + DataApiHttp.encode(sortBy)));
      out.add(request("/" + m.name() + "/summary"));
    }
    return out;
  }

  private static Request request(String path) {
    return new Request("GET " + path, path);
  }

  /**
   * Runs the test over HTTP: each request once to warm up, then {@code concurrency} workers calling the mix in turn
   * until {@code max_requests} or {@code duration_seconds}, whichever comes first. A call is an error unless it
   * answers 200. A worker's exception stops all workers and is rethrown.
   */
  public static LoadTestReport run(DataApiHttp http, List<Request> requests, DeploymentInput.LoadSettings settings,
      Target target) throws InterruptedException {
    if (requests.isEmpty()) {
      return LoadTestReport.notRun(target(target), settings(settings),
          "not run: the product serves no model (its pipeline run has not published one)");
    }
    int warmErrors = 0;
    for (Request r : requests) {
      if (http.get(r.path()).status() != 200) {
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
            DataApiHttp.Call call = http.get(requests.get(index).path());
            samples.add(new Sample(index, call.ms(), call.status() == 200, call.status() == 200 ? null
                : call.status() < 0 ? call.error() : "HTTP " + call.status()));
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
    Percentiles query = Percentiles.of(all.stream().mapToDouble(Sample::ms).toArray());
    double errorRate = all.isEmpty() ? 1 : (double) errors / all.size();
    boolean passed = !all.isEmpty() && query.p95() <= target.p95Ms() && errorRate <= MAX_ERROR_RATE;
    List<Map<String, Object>> endpoints = new ArrayList<>();
    Map<String, List<Sample>> byEndpoint = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      byEndpoint.putIfAbsent(requests.get(i).endpoint(), new ArrayList<>());
    }
    all.forEach(s -> byEndpoint.get(requests.get(s.request()).endpoint()).add(s));
    byEndpoint.forEach((name, list) -> {
      Percentiles p = Percentiles.of(list.stream().mapToDouble(Sample::ms).toArray());
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("endpoint", name);
      e.put("requests", list.size());
      e.put("errors", list.stream().filter(s -> !s.ok()).count());
      e.put("p50_ms", p.p50());
      e.put("p95_ms", p.p95());
      e.put("p99_ms", p.p99());
      endpoints.add(e);
    });
    Map<String, Long> messages = new LinkedHashMap<>();
    all.stream().filter(s -> !s.ok()).forEach(s -> messages.merge(s.error(), 1L, Long::sum));
    String verdict = (passed ? "passed: " : "failed: ") + "p50 " + query.p50() + " ms, p99 " + query.p99()
        + " ms, p95 " + query.p95() + " ms " + (query.p95()
        <= target.p95Ms() ? "≤" : ">") + " " + target.p95Ms() + " ms; " + errors + " errors in " + all.size()
        + " requests (" + (errorRate <= MAX_ERROR_RATE ? "within" : "over") + " the 1% budget)";
    return new LoadTestReport(LoadTestReport.SCHEMA_VERSION, target(target), settings(settings), requests.size(),
        warmUp, all.size(), errors, Math.round(errorRate * 10000) / 10000.0, Math.round(elapsedMs),
        elapsedMs == 0 ? 0 : Math.round(all.size() / (elapsedMs / 1000.0) * 10) / 10.0, query, endpoints,
        messages, passed, verdict, METHOD, http.base());
  }

  /** A report of a test that did not run, saying why. */
  public static LoadTestReport notRun(DeploymentInput.LoadSettings settings, Target target, String verdict) {
    return LoadTestReport.notRun(target(target), settings(settings), verdict);
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
