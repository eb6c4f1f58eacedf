package org.openforge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.task.Task;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.support.ModelerDeployments;

/**
 * A BPMN edited in a modeler and deployed alone through the engine REST API: the next engagement runs the new
 * version, running ones keep theirs, and approval tasks still find their forms (formRefBinding latest).
 */
class ModelerRoundTripTest extends IntegrationTest {

  @Test
  void editedLifecycleDeployedAloneIsUsedByTheNextEngagement() throws IOException {
    String before = createEngagement(Map.of("requires_approval", true)).get("id").asText();
    ProcessDefinition original = definitionOf(before);
    String xml = Files.readString(Path.of("bpmn/engagement-lifecycle.bpmn"));
    String edited = xml.replace("name=\"Approve engagement\"", "name=\"Approve engagement (edited in the modeler)\"");
    assertThat(edited).isNotEqualTo(xml);
    try {
      Api.Response deployed = deploy("engagement-lifecycle.bpmn", edited);
      assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);

      String after = createEngagement(Map.of("requires_approval", true)).get("id").asText();
      ProcessDefinition next = definitionOf(after);
      assertThat(next.getVersion()).isGreaterThan(original.getVersion());
      assertThat(next.getDeploymentId()).isEqualTo(deployed.text("id"));
      assertThat(definitionOf(before).getId()).isEqualTo(original.getId());

      Task task = tasks.createTaskQuery().processInstanceBusinessKey(after).singleResult();
      Api.Response form = engineGet("/engine-rest/task/" + task.getId() + "/deployed-form");
      assertThat(form.status()).as(form.toString()).isEqualTo(200);
      assertThat(form.body()).contains("\"approve-engagement\"", "decision");
      JsonNode approval = api().get("/api/v1/approvals?status=pending&engagement_id=" + after).json()
          .get("items").get(0);
      assertThat(api().post("/api/v1/approvals/" + approval.get("id").asText() + "/approve", Map.of()).status())
          .isEqualTo(200);
      assertThat(status(after)).isEqualTo("approved");
    } finally {
      // put the repository's model back as the latest version for the other tests
      deploy("engagement-lifecycle.bpmn", xml);
    }
  }

  private ProcessDefinition definitionOf(String engagementId) {
    String pid = engagement(engagementId).get("process_instance_id").asText();
    String definitionId = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getProcessDefinitionId();
    return repository.getProcessDefinition(definitionId);
  }

  private Api.Response deploy(String fileName, String content) {
    return ModelerDeployments.deploy(anonymous(), fileName, content, ADMIN_USER, ADMIN_PASSWORD);
  }

  private Api.Response engineGet(String path) {
    return anonymous().send(HttpRequest.newBuilder(URI.create(anonymous().base() + path))
        .header("Authorization", basic()).GET());
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes());
  }
}
