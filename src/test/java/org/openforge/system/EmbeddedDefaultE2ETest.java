package org.openforge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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

  @Test
  @Order(3)
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
