package org.openforge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openforge.OpenForgeApplication;
import org.openforge.support.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform as `mvn spring-boot:run` starts it — embedded default profile, H2, demo data, a generated admin key,
 * demo/demo, and the job executor on — exercised end to end: the demo engagement waits for its kick-off approval,
 * and once approved the real Discovery agents work on the sample data. Its own Spring context (the only other one),
 * run in the H2 pass only.
 */
@SpringBootTest(classes = OpenForgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "openforge.data-dir=target/e2e-data",
        "spring.datasource.url=jdbc:h2:file:./target/e2e-data/openforge;DB_CLOSE_DELAY=-1",
        "operaton.bpm.job-execution.enabled=true",
        "operaton.bpm.job-execution.wait-time-in-millis=200",
        "operaton.bpm.job-execution.max-wait=1000"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDefaultE2ETest {

  private static final Path DATA = Path.of("target/e2e-data");

  @LocalServerPort
  int port;

  @BeforeAll
  static void freshDataDirectory() throws IOException {
    if (Files.exists(DATA)) {
      try (Stream<Path> files = Files.walk(DATA)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Api api() throws IOException {
    return new Api(port, Files.readString(DATA.resolve("admin-api-key.txt")).strip());
  }

  @Test
  @Order(1)
  void theDemoEngagementWaitsForItsKickOffApprovalOverTheSampleData() throws IOException {
    JsonNode engagements = api().get("/api/v1/engagements").json();
    assertThat(engagements.get("total").asInt()).isEqualTo(1);
    JsonNode demo = engagements.get("items").get(0);
    assertThat(demo.get("name").asText()).isEqualTo("Sales Analytics Platform");
    assertThat(demo.get("status").asText()).isEqualTo("pending_approval");
    JsonNode source = api().get("/api/v1/data-sources").json().get("items").get(0);
    assertThat(source.get("last_test").get("success").asBoolean()).isTrue();
    JsonNode approval = api().get("/api/v1/approvals?status=pending").json().get("items").get(0);
    assertThat(approval.get("type").asText()).isEqualTo("engagement");
    assertThat(approval.get("items_to_review").toString()).contains("Sales sample (CSV)");
    Api.Response engine = new Api(port, null).send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/engine-rest/task"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes()))
        .GET());
    assertThat(engine.status()).isEqualTo(200);
    assertThat(engine.body()).contains("Approve engagement: Sales Analytics Platform");
  }

  @Test
  @Order(2)
  void afterApprovalTheDiscoveryAgentsCatalogueTheSamplesAndDocumentTheBrief() throws IOException {
    Api api = api();
    String id = api.get("/api/v1/engagements").json().get("items").get(0).get("id").asText();
    String approval = api.get("/api/v1/approvals?status=pending").json().get("items").get(0).get("id").asText();
    assertThat(api.post("/api/v1/approvals/" + approval + "/approve", Map.of("comment", "go")).status())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
        api.get("/api/v1/approvals?status=pending&type=phase_transition").json().get("total").asInt() == 1);

    JsonNode artifacts = api.get("/api/v1/engagements/" + id + "/artifacts").json();
    assertThat(artifacts.findValuesAsText("kind"))
        .contains("stakeholder_analysis", "requirements_document", "source_catalog");
    String catalogId = find(artifacts, "source_catalog");
    JsonNode catalog = api.get("/api/v1/engagements/" + id + "/artifacts/" + catalogId).json();
    List<String> issues = catalog.findValuesAsText("kind");
    assertThat(issues).contains("missing_values", "duplicate_key", "orphan_foreign_key", "type_inconsistency");
    assertThat(catalog.get("summary").get("table_count").asInt()).isEqualTo(4);
    JsonNode stakeholders = api.get("/api/v1/engagements/" + id + "/artifacts/"
        + find(artifacts, "stakeholder_analysis")).json();
    assertThat(stakeholders.toString()).containsIgnoringCase("Sales VP").containsIgnoringCase("regional managers");
    JsonNode requirements = api.get("/api/v1/engagements/" + id + "/artifacts/"
        + find(artifacts, "requirements_document")).json();
    assertThat(requirements.toString()).contains("24");
    JsonNode check = api.get("/api/v1/engagements/" + id + "/transition-check?target_phase=design").json();
    assertThat(check.get("evaluation").get("ready").asBoolean()).isTrue();
    assertThat(check.get("remaining_work").get("remaining_gates").findValuesAsText("gate_id"))
        .containsExactly("human_approval");
  }

  /**
   * The README's walkthrough: Discovery signed off, Design and Build forced past the gates the samples' planted
   * defects hold (audited, as an admin would), the data-quality review of the Build's run decided in Tasklist's
   * engine API, the deployment approved; then the product is live: its data API answers what the CSV files give and
   * the dashboard, opened from its signed link in Chromium, shows it (the README's screenshot).
   */
  @Test
  @Order(3)
  void theDemoGoesThroughEveryPhaseToALiveDashboard() throws Exception {
    Api api = api();
    String id = api.get("/api/v1/engagements").json().get("items").get(0).get("id").asText();
    approvePending(api, id, "phase_transition");
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
        artifactMetadata(api, id, "transformation_mapping") != null && agentsIdle(api, id));
    assertThat(blockers(api, id, "build")).containsExactly("schema_validated");
    force(api, id, "build", "schema validation fails on the samples' planted defects only");

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
        engine("GET", "/engine-rest/task?processInstanceBusinessKey=" + id
            + "&taskDefinitionKey=UserTask_ReviewDataQuality", null).json().size() == 1);
    String review = engine("GET", "/engine-rest/task?processInstanceBusinessKey=" + id
        + "&taskDefinitionKey=UserTask_ReviewDataQuality", null).json().get(0).get("id").asText();
    assertThat(engine("POST", "/engine-rest/task/" + review + "/complete", "{\"variables\": {\"decision\": {\"value\":"
        + " \"publish\"}, \"comment\": {\"value\": \"the planted orphans are known\"}}}").status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
        artifactMetadata(api, id, "data_api") != null);
    JsonNode dataApi = artifactMetadata(api, id, "data_api");
    assertThat(dataApi.get("integration_tests_run").asBoolean()).as(dataApi.toString()).isTrue();
    assertThat(dataApi.get("integration_tests_failed").asInt()).as(dataApi.toString()).isZero();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> agentsIdle(api, id));
    assertThat(blockers(api, id, "deploy")).contains("pipelines_created").doesNotContain("integration_tests_pass");
    force(api, id, "deploy", "the failing model tests are the samples' planted defects, published after review");

    approvePending(api, id, "deployment");
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
        "active".equals(api.get("/api/v1/engagements/" + id + "/product").json().path("status").asText()));
    JsonNode product = api.get("/api/v1/engagements/" + id + "/product").json();
    BigDecimal amounts = BigDecimal.ZERO;
    try (var reader = Files.newBufferedReader(Path.of("samples/sales/sales.csv"));
        var csv = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().build().parse(reader)) {
      for (var row : csv) {
        amounts = amounts.add(new BigDecimal(row.get("amount")));
      }
    }
    JsonNode byRegion = api.get(product.get("data_api").get("url").asText() + "/sales_by_region?page_size=100")
        .json();
    BigDecimal served = BigDecimal.ZERO;
    for (JsonNode row : byRegion.get("items")) {
      served = served.add(row.get("revenue").decimalValue());
    }
    assertThat(served).as("revenue by region adds up to the amounts of sales.csv").isEqualByComparingTo(amounts);

    if (!browserReady()) {
      return;
    }
    JsonNode shown = dashboard(product.get("dashboard").get("url").asText());
    assertThat(shown.get("error").isNull()).as(shown.toString()).isTrue();
    assertThat(shown.get("failures")).as("page errors").isEmpty();
    JsonNode total = null;
    for (JsonNode kpi : shown.get("kpis")) {
      if (kpi.get("column").asText().equals("revenue")) {
        total = kpi;
      }
    }
    assertThat(total).as(shown.get("kpis").toString()).isNotNull();
    assertThat(new BigDecimal(total.get("value").asText())).isEqualByComparingTo(amounts);
  }

  private static void approvePending(Api api, String id, String type) {
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
        api.get("/api/v1/approvals?status=pending&engagement_id=" + id + "&type=" + type).json().get("total")
            .asInt() == 1);
    String approval = api.get("/api/v1/approvals?status=pending&engagement_id=" + id + "&type=" + type).json()
        .get("items").get(0).get("id").asText();
    assertThat(api.post("/api/v1/approvals/" + approval + "/approve", Map.of("comment", "demo")).status())
        .isEqualTo(200);
  }

  private static boolean agentsIdle(Api api, String id) {
    JsonNode tasks = api.get("/api/v1/agents/tasks?engagement_id=" + id + "&page_size=100").json().get("items");
    for (JsonNode t : tasks) {
      if (List.of("pending", "running", "waiting_approval").contains(t.get("status").asText())) {
        return false;
      }
    }
    return tasks.size() > 0;
  }

  private static List<String> blockers(Api api, String id, String target) {
    return api.get("/api/v1/engagements/" + id + "/transition-check?target_phase=" + target).json()
        .path("evaluation").path("blockers").findValuesAsText("gate_id");
  }

  private static void force(Api api, String id, String target, String notes) {
    Api.Response moved = api.post("/api/v1/engagements/" + id + "/transitions", Map.of("target_phase", target,
        "force", true, "approved_by", "demo", "notes", notes));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
  }

  private static JsonNode artifactMetadata(Api api, String id, String kind) {
    for (JsonNode a : api.get("/api/v1/engagements/" + id + "/artifacts").json()) {
      if (kind.equals(a.get("kind").asText())) {
        return a.get("metadata");
      }
    }
    return null;
  }

  private Api.Response engine(String method, String path, String body) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        "http://localhost:" + port + path)).header("Authorization", "Basic "
        + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes()))
        .header("Content-Type", "application/json");
    b.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    return new Api(port, null).send(b);
  }

  private static boolean browserReady() {
    boolean ready = Files.isExecutable(Path.of("/usr/bin/chromium"))
        && Files.isDirectory(Path.of("src/test/ui/node_modules/playwright-core"));
    if (!ready && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but chromium or src/test/ui/node_modules is missing: run .ci/run");
    }
    return ready;
  }

  /** Opens the link in Chromium; the screenshot is the README's (docs/img/demo-dashboard.png is a copy). */
  private JsonNode dashboard(String link) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("node", "src/test/ui/open-dashboard.mjs").redirectErrorStream(true);
    builder.environment().put("BASE_URL", "http://localhost:" + port);
    builder.environment().put("LINK", link);
    builder.environment().put("SCREENSHOT", "target/ui/demo-dashboard.png");
    Process process = builder.start();
    boolean finished = process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(finished && process.exitValue() == 0).as("browser run:\n" + output).isTrue();
    String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(
        () -> new AssertionError("no result:\n" + output));
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.substring("RESULT ".length()));
  }

  @Test
  @Order(4)
  void everyExampleOfTheGuideRunsUnchangedThroughThePythonSdk() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("python3", "clients/python/e2e/run_guide.py").redirectErrorStream(true);
    builder.environment().put("OPENFORGE_URL", "http://localhost:" + port);
    builder.environment().put("OPENFORGE_API_KEY", Files.readString(DATA.resolve("admin-api-key.txt")).strip());
    builder.environment().put("OPENFORGE_SAMPLES", Path.of("samples").toAbsolutePath().toString());
    builder.environment().put("OPENFORGE_E2E_TASK_TIMEOUT", "240");
    builder.environment().put("OPENFORGE_E2E_STEP_TIMEOUT", "400");
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
          java.nio.charset.StandardCharsets.UTF_8))) {
        lines.lines().forEach(line -> output.append(line).append('\n'));
      } catch (IOException e) {
        output.append("(output unreadable: ").append(e.getMessage()).append(")\n");
      }
    });
    reader.start();
    boolean finished = process.waitFor(20, java.util.concurrent.TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    reader.join(10_000);
    assertThat(finished && process.exitValue() == 0).as("the guide's examples:\n" + output).isTrue();
  }

  private static String find(JsonNode artifacts, String kind) {
    for (JsonNode a : artifacts) {
      if (kind.equals(a.get("kind").asText())) {
        return a.get("id").asText();
      }
    }
    throw new AssertionError("no artifact of kind " + kind);
  }
}
