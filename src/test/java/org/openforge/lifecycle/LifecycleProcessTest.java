package org.openforge.lifecycle;

import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.support.ScriptedAgents;
import org.openforge.support.Scripts;

/** The engagement lifecycle in the engine: every path of the BPMN models, driven job by job. */
class LifecycleProcessTest extends IntegrationTest {

  private static final Map<String, Object> EVIDENCE = Map.of("validator", "test", "evidence", Map.of("ok", true));

  @Test
  void happyPathRunsThroughAllFourPhasesWithHumanSignOffs() {
    String id = createEngagement(Map.of()).get("id").asText();
    Scripts.discoveryEvidence(agents, id);
    Scripts.designEvidence(agents, id);
    Scripts.buildEvidence(agents, id);
    Scripts.deployEvidence(agents, id);
    passByHand(id, "data_sources_identified");

    for (Phase phase : List.of(Phase.DISCOVERY, Phase.DESIGN, Phase.BUILD, Phase.DEPLOY)) {
      driver().runJobs(id);
      ProcessInstance instance = processes().phase(id, phase);
      processes().waitingAt(instance.getId(), "UserTask_SignOff" + phase.label());
      processes().hasPassed(instance.getId(), "BusinessRuleTask_" + phase.label() + "Gate",
          "BusinessRuleTask_RouteSignOff");
      assertThat(status(id)).isEqualTo("in_progress");
      assertThat(engagement(id).get("current_phase").asText()).isEqualTo(phase.value());
      JsonNode approval = pendingApproval(id);
      assertThat(approval.get("type").asText()).isEqualTo(phase == Phase.DEPLOY ? "deployment" : "phase_transition");
      assertThat(approval.get("items_to_review")).isNotEmpty();
      Api.Response approved = api().post("/api/v1/approvals/" + approval.get("id").asText() + "/approve",
          Map.of("comment", "looks good"));
      assertThat(approved.status()).isEqualTo(200);
      if (phase == Phase.DEPLOY) {
        // publishing the product after the sign-off is asynchronous work with retries
        driver().runJobs(id);
        processes().hasPassed(instance.getId(), "ServiceTask_PublishProduct");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
            .variableName("productPublished").singleResult().getValue()).as("no pipeline: nothing deployed")
            .isEqualTo(false);
      }
      processes().ended(instance.getId(), "EndEvent_PhaseCompleted");
    }
    driver().runJobs(id);
    JsonNode done = engagement(id);
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("current_phase").asText()).isEqualTo("complete");
    processes().ended(done.get("process_instance_id").asText(), "EndEvent_EngagementCompleted");
    processes().hasPassed(done.get("process_instance_id").asText(), "CallActivity_Discovery", "CallActivity_Design",
        "CallActivity_Build", "CallActivity_Deploy");
    processes().hasNotPassed(done.get("process_instance_id").asText(), "UserTask_ApproveEngagement");
  }

  @Test
  void gateHoldsUntilEvidenceArrivesFromAnySource() {
    String id = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    driver().runJobs(id);
    ProcessInstance discovery = processes().phase(id, Phase.DISCOVERY);
    processes().waitingAt(discovery.getId(), ProcessIds.CATCH_EVENT_EVIDENCE);
    processes().hasPassed(discovery.getId(), "EndEvent_AgentsSkipped");
    assertThat(agents.runs(id, "stakeholder_analysis")).isZero();

    passByHand(id, "stakeholder_analysis");
    passByHand(id, "requirements_gathered");
    driver().runJobs(id);
    processes().waitingAt(discovery.getId(), ProcessIds.CATCH_EVENT_EVIDENCE);
    JsonNode evaluations = api().get("/api/v1/engagements/" + id + "/gate-evaluations").json();
    JsonNode latest = processEvaluations(evaluations).get(0);
    assertThat(latest.get("ready").asBoolean()).isFalse();
    assertThat(latest.get("unmet").toString()).contains("data_sources_identified")
        .doesNotContain("\"stakeholder_analysis\"");
    assertThat(latest.get("inputs").get("passedGates").toString()).contains("stakeholder_analysis");

    passByHand(id, "data_sources_identified");
    driver().runJobs(id);
    processes().waitingAt(discovery.getId(), "UserTask_SignOffDiscovery");
    assertThat(processEvaluations(api().get("/api/v1/engagements/" + id + "/gate-evaluations").json()).get(0)
        .get("ready").asBoolean()).isTrue();
  }

  @Test
  void rejectedSignOffLoopsBackToReworkWithTheReviewersComment() {
    String id = createEngagement(Map.of()).get("id").asText();
    AtomicReference<String> feedback = new AtomicReference<>();
    Scripts.discoveryEvidence(agents, id);
    agents.script(id, "requirements_gathering", context -> {
      feedback.set(context.reviewerFeedback().orElse(null));
      return Scripts.artifact("requirements_document", Map.of("requirement_count", 5)).run(context);
    });
    passByHand(id, "data_sources_identified");
    driver().runJobs(id);
    ProcessInstance discovery = processes().phase(id, Phase.DISCOVERY);
    JsonNode approval = pendingApproval(id);

    Api.Response noComment = api().post("/api/v1/approvals/" + approval.get("id").asText() + "/reject", Map.of());
    assertThat(noComment.status()).isEqualTo(422);
    Api.Response rejected = api().post("/api/v1/approvals/" + approval.get("id").asText() + "/reject",
        Map.of("comment", "Add the regional managers' export requirement"));
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.text("status")).isEqualTo("rejected");
    assertThat(rejected.text("decision_comment")).isEqualTo("Add the regional managers' export requirement");

    driver().runJobs(id);
    assertThat(feedback.get()).isEqualTo("Add the regional managers' export requirement");
    assertThat(agents.runs(id, "requirements_gathering")).isEqualTo(2);
    processes().hasPassed(discovery.getId(), "Gateway_SignOffDecision");
    processes().waitingAt(discovery.getId(), "UserTask_SignOffDiscovery");
    JsonNode second = pendingApproval(id);
    assertThat(second.get("id").asText()).isNotEqualTo(approval.get("id").asText());
    assertThat(api().post("/api/v1/approvals/" + second.get("id").asText() + "/approve", Map.of()).status())
        .isEqualTo(200);
    driver().runJobs(id);
    assertThat(engagement(id).get("current_phase").asText()).isEqualTo("design");
    assertThat(api().post("/api/v1/approvals/" + approval.get("id").asText() + "/approve", Map.of()).status())
        .isEqualTo(409);
  }

  @Test
  void reworkWithoutNewEvidenceHoldsTheGate() {
    String id = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    for (String gate : List.of("stakeholder_analysis", "requirements_gathered", "data_sources_identified")) {
      passByHand(id, gate);
    }
    driver().runJobs(id);
    JsonNode approval = pendingApproval(id);
    api().post("/api/v1/approvals/" + approval.get("id").asText() + "/reject", Map.of("comment", "redo"));
    driver().runJobs(id);
    ProcessInstance discovery = processes().phase(id, Phase.DISCOVERY);
    processes().waitingAt(discovery.getId(), ProcessIds.CATCH_EVENT_EVIDENCE);
    JsonNode check = api().get("/api/v1/engagements/" + id + "/transition-check?target_phase=design").json();
    assertThat(check.get("evaluation").get("ready").asBoolean()).isFalse();
    assertThat(check.get("evaluation").get("blockers").toString()).contains("rework_requested");

    passByHand(id, "stakeholder_analysis");
    driver().runJobs(id);
    processes().waitingAt(discovery.getId(), "UserTask_SignOffDiscovery");
  }

  @Test
  void automaticSignOffIsRecordedWithItsReason() {
    String id = createEngagement(Map.of("agent_config",
        Map.of("approval_settings", Map.of("phase_transitions", false)))).get("id").asText();
    Scripts.discoveryEvidence(agents, id);
    passByHand(id, "data_sources_identified");
    driver().runJobs(id);
    assertThat(engagement(id).get("current_phase").asText()).isEqualTo("design");
    ProcessInstance design = processes().phase(id, Phase.DESIGN);
    assertThat(design).isNotNull();
    JsonNode approvals = api().get("/api/v1/approvals?engagement_id=" + id + "&type=phase_transition").json();
    JsonNode auto = approvals.get("items").get(0);
    assertThat(auto.get("status").asText()).isEqualTo("approved");
    assertThat(auto.get("routing").asText()).isEqualTo("automatic");
    assertThat(auto.get("decided_by").asText()).isEqualTo("system");
    assertThat(auto.get("routing_reason").asText()).contains("approval_settings");
    String discovery = processes().phaseHistory(id, Phase.DISCOVERY).get(0).getId();
    processes().hasPassed(discovery, "ServiceTask_RecordAutoApproval");
    processes().ended(discovery, "EndEvent_PhaseAutoCompleted");
  }

  @Test
  void alwaysRequireApprovalBeatsAutoApproveThreshold() {
    String id = createEngagement(Map.of("agent_config", Map.of("auto_approve_threshold", 0.5,
        "always_require_approval", List.of("phase_transition")))).get("id").asText();
    Scripts.discoveryEvidence(agents, id);
    passByHand(id, "data_sources_identified");
    driver().runJobs(id);
    JsonNode approval = pendingApproval(id);
    assertThat(approval.get("routing_reason").asText()).contains("always_require_approval");

    String other = createEngagement(Map.of("agent_config", Map.of("auto_approve_threshold", 0.5))).get("id").asText();
    Scripts.discoveryEvidence(agents, other);
    passByHand(other, "data_sources_identified");
    driver().runJobs(other);
    assertThat(engagement(other).get("current_phase").asText()).isEqualTo("design");
    JsonNode auto = api().get("/api/v1/approvals?engagement_id=" + other).json().get("items").get(0);
    assertThat(auto.get("routing_reason").asText()).contains("auto_approve_threshold");
  }

  @Test
  void kickOffApprovalGatesTheLifecycle() {
    JsonNode created = createEngagement(Map.of("requires_approval", true));
    String id = created.get("id").asText();
    assertThat(created.get("status").asText()).isEqualTo("pending_approval");
    JsonNode approval = pendingApproval(id);
    assertThat(approval.get("type").asText()).isEqualTo("engagement");
    assertThat(approval.get("items_to_review").toString()).contains("Objective");
    Task task = tasks.createTaskQuery().taskId(approval.get("task_id").asText()).singleResult();
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting("groupId").contains("approvers", "admins");

    api().post("/api/v1/approvals/" + approval.get("id").asText() + "/approve", Map.of("comment", "go"));
    assertThat(status(id)).isEqualTo("approved");
    driver().runJobs(id);
    assertThat(status(id)).isEqualTo("in_progress");

    String rejectedId = createEngagement(Map.of("requires_approval", true)).get("id").asText();
    api().post("/api/v1/approvals/" + pendingApproval(rejectedId).get("id").asText() + "/reject",
        Map.of("comment", "not this quarter"));
    JsonNode rejected = engagement(rejectedId);
    assertThat(rejected.get("status").asText()).isEqualTo("cancelled");
    processes().ended(rejected.get("process_instance_id").asText(), "EndEvent_EngagementRejected");
  }

  @Test
  void forcedAndBackwardTransitionsAreEngineModifications() {
    String id = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    driver().runJobs(id);
    String discovery = processes().phase(id, Phase.DISCOVERY).getId();

    Api engineer = withRole("engineer");
    Api.Response refused = engineer.post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "build", "force", true));
    assertThat(refused.status()).isEqualTo(403);
    Api.Response notReady = engineer.post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "design"));
    assertThat(notReady.status()).isEqualTo(409);
    assertThat(notReady.get("unmet").toString()).contains("stakeholder_analysis");

    Api.Response forced = api().post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "build", "force", true, "approved_by", "admin_user", "notes", "skip ahead"));
    assertThat(forced.status()).isEqualTo(200);
    assertThat(forced.get("forced").asBoolean()).isTrue();
    assertThat(forced.text("previous_phase")).isEqualTo("discovery");
    assertThat(forced.text("current_phase")).isEqualTo("build");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(discovery).singleResult()
        .getEndTime()).isNotNull();
    driver().runJobs(id);
    String build = processes().phase(id, Phase.BUILD).getId();
    assertThat(processes().phaseHistory(id, Phase.DESIGN)).isEmpty();

    Api.Response back = withRole("approver").post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "design", "notes", "schema needs rework"));
    assertThat(back.status()).isEqualTo(200);
    assertThat(back.text("direction")).isEqualTo("backward");
    driver().runJobs(id);
    processes().phase(id, Phase.DESIGN);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(build).count()).isZero();
    JsonNode audit = api().get("/api/v1/engagements/" + id + "/audit").json();
    assertThat(audit.toString()).contains("transition.forced", "transition.backward", "skip ahead");
    String lifecycle = engagement(id).get("process_instance_id").asText();
    assertThat(history.createUserOperationLogQuery().processInstanceId(lifecycle)
        .operationType("ModifyProcessInstance").count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void deletingTheLifecycleInCockpitCancelsTheEngagement() {
    String id = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    driver().runJobs(id);
    runtime.deleteProcessInstance(engagement(id).get("process_instance_id").asText(), null);
    JsonNode cancelled = engagement(id);
    assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
    assertThat(cancelled.get("status_reason").asText()).contains("deleted");
    assertThat(cancelled.get("current_phase").asText()).isEqualTo("discovery");
  }

  @Test
  void pauseSuspendsEverythingAndResumeContinues() {
    String id = createEngagement(Map.of()).get("id").asText();
    Scripts.discoveryEvidence(agents, id);
    assertThat(api().post("/api/v1/engagements/" + id + "/pause", Map.of()).text("status")).isEqualTo("paused");
    assertThat(driver().jobs(id)).isEmpty();
    assertThat(api().post("/api/v1/engagements/" + id + "/pause", Map.of()).status()).isEqualTo(409);
    assertThat(api().post("/api/v1/engagements/" + id + "/resume", Map.of()).text("status")).isNotEqualTo("paused");
    driver().runJobs(id);
    assertThat(agents.runs(id, "stakeholder_analysis")).isEqualTo(1);

    // suspending in Cockpit (the engine API) is the same pause
    runtime.suspendProcessInstanceById(engagement(id).get("process_instance_id").asText());
    assertThat(status(id)).isEqualTo("paused");
    runtime.activateProcessInstanceById(engagement(id).get("process_instance_id").asText());
    assertThat(status(id)).isEqualTo("in_progress");
  }

  @Test
  void cancelEndsTheLifecycleAndKeepsTheReason() {
    String id = createEngagement(Map.of("requires_approval", true)).get("id").asText();
    String approvalId = pendingApproval(id).get("id").asText();
    Api.Response cancelled = api().post("/api/v1/engagements/" + id + "/cancel", Map.of("reason", "budget cut"));
    assertThat(cancelled.text("status")).isEqualTo("cancelled");
    assertThat(cancelled.text("status_reason")).contains("budget cut");
    assertThat(api().get("/api/v1/approvals/" + approvalId).text("status")).isEqualTo("cancelled");
    assertThat(api().post("/api/v1/engagements/" + id + "/cancel", Map.of("reason", "again")).status()).isEqualTo(409);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
  }

  @Test
  void agentFailureRetriesThenRaisesAnIncidentThatARetryResolves() {
    String id = createEngagement(Map.of()).get("id").asText();
    Scripts.discoveryEvidence(agents, id);
    agents.failFirst(id, "stakeholder_analysis", 3,
        Scripts.artifact("stakeholder_analysis", Map.of("stakeholder_count", 2)));
    passByHand(id, "data_sources_identified");
    driver().runJobs(id);
    ProcessInstance discovery = processes().phase(id, Phase.DISCOVERY);
    // the incident is on the agent run (Cockpit also marks the phase's call activity that called it)
    String run = processes().agentRun(discovery.getId(), "stakeholder_analysis");
    Incident incident = runtime.createIncidentQuery().processInstanceId(run).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(ProcessIds.SERVICE_TASK_RUN_AGENT);
    assertThat(runtime.createIncidentQuery().processInstanceId(discovery.getId()).singleResult().getActivityId())
        .isEqualTo("CallActivity_StakeholderAnalysis");
    assertThat(incident.getIncidentMessage()).contains("scripted failure of stakeholder_analysis");
    assertThat(agents.runs(id, "stakeholder_analysis")).isEqualTo(3);
    JsonNode summary = api().get("/api/v1/engagements/" + id + "/summary").json();
    assertThat(summary.get("tasks").get("failed").asInt()).isEqualTo(1);
    processes().waitingAt(discovery.getId(), ProcessIds.CATCH_EVENT_EVIDENCE);

    // retry, as Cockpit or PUT /engine-rest/job/{id}/retries does
    management.setJobRetries(incident.getConfiguration(), 1);
    driver().runJobs(id);
    assertThat(runtime.createIncidentQuery().processInstanceId(discovery.getId()).count()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(run).count()).isZero();
    processes().waitingAt(discovery.getId(), "UserTask_SignOffDiscovery");
    assertThat(api().get("/api/v1/engagements/" + id + "/summary").json().get("tasks").get("failed").asInt())
        .isZero();
  }

  @Test
  void aPhasesAgentsRunAtTheSameTimeAndEndTheirBranchesOneByOne() throws Exception {
    String id = createEngagement(Map.of()).get("id").asText();
    Scripts.discoveryEvidence(agents, id);
    java.util.concurrent.CyclicBarrier bothRunning = new java.util.concurrent.CyclicBarrier(2);
    for (String type : List.of("stakeholder_analysis", "requirements_gathering")) {
      ScriptedAgents.Script then = agents.scriptOf(id, type);
      agents.script(id, type, context -> {
        bothRunning.await(30, java.util.concurrent.TimeUnit.SECONDS); // fails unless the other run is inside too
        return then.run(context);
      });
    }
    driver().runJobsOnce(id); // the lifecycle's call activity: the phase starts, its gate waits
    ProcessInstance discovery = processes().phase(id, Phase.DISCOVERY);
    driver().runJobsOnce(id); // the phase's call activities: each starts its agent run
    List<org.operaton.bpm.engine.runtime.Job> agentJobs = driver().jobs(id).stream()
        .filter(j -> jobActivity(j).equals(ProcessIds.SERVICE_TASK_RUN_AGENT)).toList();
    assertThat(agentJobs).extracting(j -> processes().taskTypeOf(j.getProcessInstanceId()))
        .containsExactlyInAnyOrder("stakeholder_analysis", "requirements_gathering", "source_discovery");
    assertThat(agentJobs).allSatisfy(j -> assertThat(runtime.createProcessInstanceQuery()
        .superProcessInstanceId(discovery.getId()).processInstanceId(j.getProcessInstanceId()).count()).isOne());
    // not exclusive: the job executor runs them side by side (and beside the gate's re-evaluation)
    assertThat(agentJobs).allSatisfy(j -> assertThat(
        ((org.operaton.bpm.engine.impl.persistence.entity.JobEntity) j).isExclusive()).isFalse());

    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<?>> runs = agentJobs.stream()
          .filter(j -> !processes().taskTypeOf(j.getProcessInstanceId()).equals("source_discovery"))
          .map(j -> pool.submit(() -> management.executeJob(j.getId()))).collect(
              java.util.stream.Collectors.toList());
      for (java.util.concurrent.Future<?> run : runs) {
        run.get(60, java.util.concurrent.TimeUnit.SECONDS); // no optimistic-locking conflict between the two
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(agents.runs(id, "stakeholder_analysis")).isEqualTo(1);
    assertThat(agents.runs(id, "requirements_gathering")).isEqualTo(1);
    // each finished agent waits to end its branch in a short exclusive job
    List<org.operaton.bpm.engine.runtime.Job> ends = driver().jobs(id).stream()
        .filter(j -> jobActivity(j).startsWith("EndEvent")).toList();
    assertThat(ends).extracting(this::jobActivity).containsExactly("EndEvent_EvidenceRecorded",
        "EndEvent_EvidenceRecorded");
    assertThat(ends).extracting(j -> processes().taskTypeOf(j.getProcessInstanceId()))
        .containsExactlyInAnyOrder("stakeholder_analysis", "requirements_gathering");
    assertThat(ends).allSatisfy(j -> assertThat(
        ((org.operaton.bpm.engine.impl.persistence.entity.JobEntity) j).isExclusive()).isTrue());

    passByHand(id, "data_sources_identified");
    driver().runJobs(id);
    processes().waitingAt(discovery.getId(), "UserTask_SignOffDiscovery");
    processes().hasPassed(discovery.getId(), "EndEvent_StakeholderAnalysisFinished",
        "EndEvent_RequirementsGatheringFinished", "EndEvent_SourceDiscoveryFinished");
  }

  @Test
  void agentRunsStillGoingAreCancelledOneByOneOrWithTheirPhase() {
    String id = createEngagement(Map.of()).get("id").asText();
    Scripts.discoveryEvidence(agents, id);
    for (String type : List.of("stakeholder_analysis", "requirements_gathering")) {
      agents.failFirst(id, type, 1, agents.scriptOf(id, type));
    }
    driver().runJobsOnce(id); // the phase starts
    driver().runJobsOnce(id); // its call activities start the agent runs
    driver().runJobsOnce(id); // first attempts: two fail and will retry
    ProcessInstance discovery = processes().phase(id, Phase.DISCOVERY);
    String stakeholderRun = processes().agentRun(discovery.getId(), "stakeholder_analysis");
    String requirementsRun = processes().agentRun(discovery.getId(), "requirements_gathering");
    JsonNode stakeholder = taskOf(id, "stakeholder_analysis");
    JsonNode requirements = taskOf(id, "requirements_gathering");
    assertThat(stakeholder.get("status").asText()).isEqualTo("pending");
    assertThat(stakeholder.get("process_instance_id").asText()).isEqualTo(stakeholderRun);

    // one agent cancelled through the API: its call ends, the rest of the phase goes on
    Api.Response cancelled = api().post("/api/v1/agents/tasks/" + requirements.get("id").asText() + "/cancel",
        Map.of());
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.text("status")).isEqualTo("cancelled");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(requirementsRun).count()).isZero();
    processes().notWaitingAt(discovery.getId(), "CallActivity_RequirementsGathering");
    processes().waitingAt(discovery.getId(), "CallActivity_StakeholderAnalysis", ProcessIds.CATCH_EVENT_EVIDENCE);

    // the phase ends (forced on): the run it still had is deleted with it and its task reads cancelled
    Api.Response forced = api().post("/api/v1/engagements/" + id + "/transitions",
        Map.of("target_phase", "design", "force", true, "approved_by", "admin_user"));
    assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(stakeholderRun).count()).isZero();
    JsonNode ended = api().get("/api/v1/agents/tasks/" + stakeholder.get("id").asText()).json();
    assertThat(ended.get("status").asText()).isEqualTo("cancelled");
    assertThat(ended.get("error").asText()).isEqualTo("its phase ended");
    assertThat(agents.runs(id, "stakeholder_analysis")).isEqualTo(1);
  }

  private JsonNode taskOf(String engagementId, String taskType) {
    for (JsonNode task : api().get("/api/v1/agents/tasks?engagement_id=" + engagementId).json().get("items")) {
      if (taskType.equals(task.get("task_type").asText())) {
        return task;
      }
    }
    throw new AssertionError("no " + taskType + " task of " + engagementId);
  }

  private String jobActivity(org.operaton.bpm.engine.runtime.Job job) {
    return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  @Test
  void aTaskTypeWithoutAnAgentFailsHonestlyWithAnIncident() {
    // as when a modeler adds a service task for a task type no agent implements
    String id = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
    driver().runJobs(id);
    ProcessInstance task = runtime.createProcessInstanceByKey(ProcessIds.AGENT_TASK).businessKey(id)
        .setVariables(Map.of(ProcessIds.VAR_ENGAGEMENT_ID, id, ProcessIds.VAR_TASK_TYPE, "market_research"))
        .execute();
    driver().runJobs(id);
    Incident incident = runtime.createIncidentQuery().processInstanceId(task.getId()).singleResult();
    assertThat(incident.getIncidentMessage()).contains("market_research");
    assertThat(incident.getActivityId()).isEqualTo(ProcessIds.SERVICE_TASK_RUN_AGENT);
    assertThat(artifactsOf(id)).isEmpty();
  }

  @Test
  void agentsThatDeclineEndWithoutOutputOnTheBpmnErrorPath() {
    String id = createEngagement(Map.of()).get("id").asText();
    Scripts.discoveryEvidence(agents, id);
    agents.script(id, "source_discovery", context -> {
      throw new org.openforge.agent.AgentDeclinedException("no data source attached");
    });
    driver().runJobs(id);
    ProcessInstance discovery = processes().phase(id, Phase.DISCOVERY);
    String run = processes().agentRun(discovery.getId(), "source_discovery");
    processes().hasPassed(run, "BoundaryEvent_AgentDeclined", "EndEvent_AgentDeclined");
    processes().hasPassed(discovery.getId(), "CallActivity_SourceDiscovery", "EndEvent_SourceDiscoveryFinished");
    assertThat(runtime.createIncidentQuery().processInstanceId(discovery.getId()).count()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(run).count()).isZero();
    JsonNode failed = api().get("/api/v1/engagements/" + id + "/summary").json().get("tasks");
    assertThat(failed.get("failed").asInt()).isEqualTo(1);
  }

  private JsonNode artifactsOf(String id) {
    return api().get("/api/v1/engagements/" + id + "/artifacts").json();
  }

  private void passByHand(String id, String gate) {
    Api.Response passed = api().post("/api/v1/engagements/" + id + "/quality-gates/" + gate + "/pass", EVIDENCE);
    assertThat(passed.status()).as(passed.toString()).isEqualTo(201);
  }

  private JsonNode pendingApproval(String id) {
    JsonNode items = api().get("/api/v1/approvals?status=pending&engagement_id=" + id).json().get("items");
    assertThat(items).as("pending approvals of " + id).hasSize(1);
    return items.get(0);
  }

  private void approveSignOff(String id) {
    assertThat(api().post("/api/v1/approvals/" + pendingApproval(id).get("id").asText() + "/approve", Map.of())
        .status()).isEqualTo(200);
  }

  private static List<JsonNode> processEvaluations(JsonNode evaluations) {
    List<JsonNode> list = new java.util.ArrayList<>();
    evaluations.forEach(e -> {
      if ("process".equals(e.get("origin").asText())) {
        list.add(e);
      }
    });
    return list;
  }
}
