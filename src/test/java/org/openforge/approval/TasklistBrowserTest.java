package org.openforge.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.support.ModelerDeployments;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Operaton Tasklist in a real browser (Debian's chromium driven by playwright-core, src/test/ui): an approver who is
 * only in the "approvers" group opens a phase sign-off, sees the items to review in the form, claims it, approves,
 * and the engagement moves on. Needs chromium and `npm ci --prefix src/test/ui` (.ci/run installs both); without
 * them it is skipped locally and fails under CI=true.
 */
class TasklistBrowserTest extends IntegrationTest {

  private static final Path SCRIPT = Path.of("src/test/ui/complete-approval.mjs");
  private static final String REVIEWER = "reviewer";
  private static final String REVIEWER_PASSWORD = "reviewer-password-1";

  @Autowired
  private IdentityService identity;

  @BeforeAll
  static void browserAvailable() {
    boolean ready = Files.isExecutable(Path.of(chromium()))
        && Files.isDirectory(Path.of("src/test/ui/node_modules/playwright-core"));
    if (!ready && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but chromium or src/test/ui/node_modules is missing: run .ci/run");
    }
    Assumptions.assumeTrue(ready, "chromium or playwright-core not installed (see .ci/run)");
  }

  @Test
  void anApproverSignsOffAPhaseInTasklist() throws Exception {
    ensureReviewer();
    String name = "Tasklist sign-off " + UUID.randomUUID().toString().substring(0, 8);
    String id = createEngagement(Map.of("name", name, "agent_config", Map.of("auto_run", false))).get("id").asText();
    for (String gate : List.of("stakeholder_analysis", "requirements_gathered", "data_sources_identified")) {
      api().post("/api/v1/engagements/" + id + "/quality-gates/" + gate + "/pass",
          Map.of("validator", "browser-test", "evidence", Map.of("checked", true)));
    }
    driver().runJobs(id);
    runBrowser(REVIEWER, REVIEWER_PASSWORD, "Sign off Discovery: " + name,
        "Gate data_sources_identified passed by hand|browser-test", "Approve, move to the next phase",
        "Reviewed in Tasklist");
    driver().runJobs(id);

    JsonNode approval = api().get("/api/v1/approvals?engagement_id=" + id + "&type=phase_transition").json()
        .get("items").get(0);
    assertThat(approval.get("status").asText()).isEqualTo("approved");
    assertThat(approval.get("decided_by").asText()).isEqualTo(REVIEWER);
    assertThat(approval.get("decision_comment").asText()).isEqualTo("Reviewed in Tasklist");
    assertThat(engagement(id).get("current_phase").asText()).isEqualTo("design");
  }

  @Test
  void aLifecycleDeployedAloneFromTheModelerKeepsItsFormsInTasklist() throws Exception {
    String xml = Files.readString(Path.of("bpmn/engagement-lifecycle.bpmn"));
    String edited = xml.replace("name=\"Engagement lifecycle\"", "name=\"Engagement lifecycle (modeler edit)\"");
    try {
      Api.Response deployed = ModelerDeployments.deploy(anonymous(), "engagement-lifecycle.bpmn", edited,
          ADMIN_USER, ADMIN_PASSWORD);
      assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
      String name = "Modeler edit " + UUID.randomUUID().toString().substring(0, 8);
      String id = createEngagement(Map.of("name", name, "requires_approval", true)).get("id").asText();
      String definition = runtime.createProcessInstanceQuery()
          .processInstanceId(engagement(id).get("process_instance_id").asText()).singleResult()
          .getProcessDefinitionId();
      assertThat(repository.getProcessDefinition(definition).getDeploymentId()).isEqualTo(deployed.text("id"));

      runBrowser(ADMIN_USER, ADMIN_PASSWORD, "Approve engagement: " + name, "Objective", "Approve", "go");
      assertThat(status(id)).isIn("approved", "in_progress");
    } finally {
      ModelerDeployments.deploy(anonymous(), "engagement-lifecycle.bpmn", xml, ADMIN_USER, ADMIN_PASSWORD);
    }
  }

  private void runBrowser(String user, String password, String taskName, String expect, String decision,
      String comment) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("BASE_URL", "http://localhost:" + port);
    env.put("TASKLIST_USER", user);
    env.put("TASKLIST_PASSWORD", password);
    env.put("TASK_NAME", taskName);
    env.put("EXPECT_TEXT", expect);
    env.put("DECISION_LABEL", decision);
    env.put("COMMENT", comment);
    env.put("CHROMIUM", chromium());
    env.put("SCREENSHOT_DIR", "target/ui/" + taskName.replaceAll("[^A-Za-z0-9]+", "-"));
    Process process = builder.start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished && process.exitValue() == 0).as("browser run:\n" + output).isTrue();
  }

  private void ensureReviewer() {
    if (identity.createUserQuery().userId(REVIEWER).count() == 0) {
      User user = identity.newUser(REVIEWER);
      user.setFirstName("Rita");
      user.setLastName("Reviewer");
      user.setPassword(REVIEWER_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(REVIEWER, "approvers");
    }
  }

  private static String chromium() {
    String configured = System.getenv("CHROMIUM");
    return configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured;
  }
}
