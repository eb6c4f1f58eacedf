package org.openforge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;

/**
 * kill -9 during an agent run: the platform runs in a JVM of its own (the embedded default on its H2 file, job
 * executor on), an LLM-assisted agent run is inside its model call (a local OpenAI-compatible server holds the call)
 * when the JVM is killed with SIGKILL; the platform restarts on the same data directory, the interrupted run resumes
 * (the restarted node releases the job locks it left), completes, and its artifact exists once.
 */
class KillNineE2ETest {

  private static final Path DATA = Path.of("target/kill-nine-data");
  private static final String KEY = "kill-nine-admin-key-0123456789abcdef";

  private final List<Process> platforms = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer model;
  private ExecutorService modelThreads;

  @AfterEach
  void stop() {
    platforms.forEach(Process::destroyForcibly);
    release.countDown();
    if (model != null) {
      model.stop(0);
      modelThreads.shutdownNow();
    }
  }

  @Test
  void anAgentRunKilledMidwayResumesAfterARestartAndStoresItsArtifactOnce() throws Exception {
    clean(DATA);
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch inModelCall = new CountDownLatch(1);
    model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    modelThreads = Executors.newCachedThreadPool();
    model.setExecutor(modelThreads);
    model.createContext("/v1/chat/completions", exchange -> {
      exchange.getRequestBody().readAllBytes();
      if (calls.incrementAndGet() == 1) {
        inModelCall.countDown(); // the first run's call never answers: the platform dies inside it
        awaitQuietly(release);
        exchange.close();
        return;
      }
      answer(exchange);
    });
    model.start();
    String baseUrl = "http://127.0.0.1:" + model.getAddress().getPort() + "/v1";

    int port = freePort();
    Process first = start(port, 1);
    Api api = new Api(port, KEY);
    String engagement = api.post("/api/v1/engagements", Map.of("name", "Kill nine", "objective",
        "Weekly sales by region for the VP of Sales and the regional managers",
        "agent_config", Map.of("auto_run", false,
            "llm", Map.of("provider", "openai", "model", "local-model", "base_url", baseUrl)))).text("id");
    Api.Response created = api.post("/api/v1/agents/tasks", Map.of("engagement_id", engagement,
        "task_type", "stakeholder_analysis"));
    assertThat(created.status()).as(created.toString()).isBetween(200, 202);
    String task = created.text("id");
    assertThat(inModelCall.await(90, TimeUnit.SECONDS)).as("the agent run reached its model call").isTrue();

    first.destroyForcibly(); // SIGKILL: no shutdown hooks, no transaction ends, the job stays locked
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    start(port, 2);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
        "completed".equals(api.get("/api/v1/agents/tasks/" + task).text("status")));
    assertThat(calls.get()).as("the run was interrupted inside the model call and ran again").isGreaterThanOrEqualTo(2);
    JsonNode artifacts = api.get("/api/v1/engagements/" + engagement + "/artifacts").json();
    assertThat(artifacts.findValuesAsText("kind").stream().filter("stakeholder_analysis"::equals).count())
        .as("no duplicate artifact: " + artifacts).isEqualTo(1);
    JsonNode tasks = api.get("/api/v1/agents/tasks?engagement_id=" + engagement).json();
    assertThat(tasks.get("total").asInt()).isEqualTo(1);
  }

  /** Starts the platform as `java -cp ... OpenForgeApplication` on the test's data directory and waits for it. */
  private Process start(int port, int run) throws IOException {
    List<String> args = List.of("-Xmx512m", "-cp", mainClasspath(), "org.openforge.OpenForgeApplication",
        "--server.port=" + port, "--openforge.data-dir=" + DATA.toAbsolutePath(), "--openforge.demo.enabled=false",
        "--openforge.admin.user=admin", "--openforge.admin.password=kill-nine-password",
        "--openforge.admin.api-key=" + KEY,
        "--operaton.bpm.job-execution.wait-time-in-millis=200", "--operaton.bpm.job-execution.max-wait=1000");
    Path argFile = DATA.resolve("java-args-" + run + ".txt");
    Files.createDirectories(DATA);
    Files.write(argFile, args.stream().map(a -> "\"" + a.replace("\\", "\\\\") + "\"").toList());
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + argFile.toAbsolutePath())
        .redirectErrorStream(true).redirectOutput(DATA.resolve("platform-" + run + ".log").toFile()).start();
    platforms.add(process);
    Api api = new Api(port, KEY);
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("the platform exited: see " + DATA.resolve("platform-" + run + ".log"));
      }
      try {
        return api.get("/api/v1/engagements").status() == 200;
      } catch (RuntimeException e) {
        return false;
      }
    });
    return process;
  }

  /** The classpath of the main code and its dependencies (no test classes), read through surefire's manifest jar. */
  private static String mainClasspath() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File file = new File(entry);
      String manifestPath = null;
      if (file.isFile() && entry.endsWith(".jar")) {
        try (JarFile jar = new JarFile(file)) {
          manifestPath = jar.getManifest() == null ? null
              : jar.getManifest().getMainAttributes().getValue("Class-Path");
        }
      }
      if (manifestPath != null && file.getName().startsWith("surefirebooter")) {
        for (String url : manifestPath.trim().split("\\s+")) {
          entries.add(new File(file.toURI().resolve(url)).getPath());
        }
      } else {
        entries.add(file.getPath());
      }
    }
    return String.join(File.pathSeparator, entries.stream()
        .filter(e -> !e.contains("test-classes") && !e.contains("surefire")).toList());
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String body = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"local-model\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"## Findings\\nTwo groups "
        + "matter most.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
        + "\"total_tokens\":15}}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
