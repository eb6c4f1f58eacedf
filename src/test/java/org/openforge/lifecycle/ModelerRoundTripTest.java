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
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.openforge.process.Phase;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.support.ModelerDeployments;
import org.openforge.support.Scripts;

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

  @Test
  void aUserTaskAddedInTheModelerGetsItsApprovalRecord() throws IOException {
    String xml = Files.readString(Path.of("bpmn/phase-discovery.bpmn"));
    // the Modeler user adds a review by hand where the phase would otherwise run no agents; no listener declared
    String edited = xml
        .replace("sourceRef=\"Gateway_AutoRun\" targetRef=\"EndEvent_AgentsSkipped\">",
            "sourceRef=\"Gateway_AutoRun\" targetRef=\"UserTask_ReviewByHand\">")
        .replace("    <bpmn:endEvent id=\"EndEvent_AgentsSkipped\"", """
            <bpmn:userTask id="UserTask_ReviewByHand" name="Review the sources by hand" \
        operaton:candidateGroups="approvers" operaton:formRef="data-access" operaton:formRefBinding="latest">
              <bpmn:extensionElements>
                <operaton:inputOutput>
                  <operaton:inputParameter name="approvalType">data_access</operaton:inputParameter>
                  <operaton:inputParameter name="approvalTitle">Review the sources by hand</operaton:inputParameter>
                </operaton:inputOutput>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_ReviewedByHand" sourceRef="UserTask_ReviewByHand" \
        targetRef="EndEvent_AgentsSkipped" />
            <bpmn:endEvent id="EndEvent_AgentsSkipped\"""");
    assertThat(edited).contains("UserTask_ReviewByHand").doesNotContain("approvalTaskListener");
    try {
      Api.Response deployed = deploy("phase-discovery.bpmn", edited);
      assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);

      String id = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
      driver().runJobs(id);
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("UserTask_ReviewByHand")
          .singleResult();
      assertThat(task).as("the added user task").isNotNull();
      JsonNode approvals = api().get("/api/v1/approvals?status=pending&engagement_id=" + id).json().get("items");
      assertThat(approvals).hasSize(1);
      assertThat(approvals.get(0).get("task_id").asText()).isEqualTo(task.getId());
      assertThat(approvals.get(0).get("type").asText()).isEqualTo("data_access");
      assertThat(approvals.get(0).get("title").asText()).isEqualTo("Review the sources by hand");

      // the delete listener came with it: cancelling the engagement cancels the approval
      assertThat(api().post("/api/v1/engagements/" + id + "/cancel", Map.of("reason", "done")).status())
          .isEqualTo(200);
      assertThat(api().get("/api/v1/approvals/" + approvals.get(0).get("id").asText()).text("status"))
          .isEqualTo("cancelled");
    } finally {
      deploy("phase-discovery.bpmn", xml);
    }
  }

  @Test
  void aPhaseVersionThatEmbedsItsAgentsStillRunsToItsEnd() throws IOException {
    // phase-discovery as it was before agent runs became call activities (listeners declared in the XML)
    String before = Files.readString(Path.of("src/test/resources/models/phase-discovery-embedded-agents.bpmn"));
    String current = Files.readString(Path.of("bpmn/phase-discovery.bpmn"));
    try {
      assertThat(deploy("phase-discovery.bpmn", before).status()).isEqualTo(200);
      String id = createEngagement(Map.of()).get("id").asText();
      Scripts.discoveryEvidence(agents, id);
      assertThat(api().post("/api/v1/engagements/" + id + "/quality-gates/data_sources_identified/pass",
          Map.of("validator", "test", "evidence", Map.of("ok", true))).status()).isEqualTo(201);
      driver().runJobs(id);
      ProcessInstance discovery = processes().phase(id, Phase.DISCOVERY);
      processes().hasPassed(discovery.getId(), "ServiceTask_StakeholderAnalysis", "SubProcess_SourceDiscovery");
      assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(discovery.getId()).count()).isZero();
      assertThat(agents.runs(id, "source_discovery")).isEqualTo(1);
      // its declared listener and the plugin's do not both fire: one approval record for the sign-off
      JsonNode pending = api().get("/api/v1/approvals?status=pending&engagement_id=" + id).json().get("items");
      assertThat(pending).hasSize(1);
      assertThat(api().post("/api/v1/approvals/" + pending.get(0).get("id").asText() + "/approve", Map.of())
          .status()).isEqualTo(200);
      processes().ended(discovery.getId(), "EndEvent_PhaseCompleted");
    } finally {
      deploy("phase-discovery.bpmn", current);
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
