package org.openforge.agent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.runtime.Job;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.lifecycle.GateEvidenceService;
import org.openforge.lifecycle.Phase;
import org.openforge.lifecycle.ProcessIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs agents inside their BPMN service task job (phase agents and API tasks alike). The run is journaled as it
 * happens; its result — artifacts, outputs, confidence — is written in the job's transaction, so a crash leaves
 * either the whole result or a job that runs again. Failures are rethrown for the engine to retry and finally raise
 * an incident; a declined task ends on the BPMN error {@code AGENT_DECLINED}.
 */
@Service
public class AgentRuntime {

  private static final Logger log = LoggerFactory.getLogger(AgentRuntime.class);

  private final AgentRegistry registry;
  private final AgentTaskRepository tasks;
  private final AgentEventRepository events;
  private final AgentJournal journal;
  private final EngagementRepository engagements;
  private final ArtifactService artifacts;
  private final GateEvidenceService evidence;
  private final ManagementService management;
  private final org.springframework.context.ApplicationEventPublisher publisher;
  private final Clock clock;

  public AgentRuntime(AgentRegistry registry, AgentTaskRepository tasks, AgentEventRepository events,
      AgentJournal journal, EngagementRepository engagements, ArtifactService artifacts,
      GateEvidenceService evidence, ManagementService management,
      org.springframework.context.ApplicationEventPublisher publisher, Clock clock) {
    this.registry = registry;
    this.tasks = tasks;
    this.events = events;
    this.journal = journal;
    this.engagements = engagements;
    this.artifacts = artifacts;
    this.evidence = evidence;
    this.management = management;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Runs the agent of the service task the execution is in. */
  public void run(DelegateExecution execution) {
    String taskType = (String) execution.getVariable(ProcessIds.VAR_TASK_TYPE);
    String engagementId = execution.getProcessBusinessKey();
    String agentTaskId = (String) execution.getVariable(ProcessIds.VAR_AGENT_TASK_ID);
    Phase phase = Phase.ofTaskType(taskType)
        .orElseThrow(() -> new IllegalStateException("unknown task type '" + taskType + "'"));
    Job job = currentJob(execution);
    // the job's execution stays the same over retries (the task's own scope execution does not)
    String runKey = job != null ? job.getExecutionId() : execution.getId();
    AgentTask task = agentTaskId != null
        ? tasks.find(agentTaskId).orElseThrow(() -> new IllegalStateException("no agent task " + agentTaskId))
        : journal.phaseTask(engagementId, taskType, phase.value(), execution.getProcessInstanceId(), runKey);
    journal.started(task.id(), runKey, task.attempts() + 1);
    try {
      Agent agent = registry.find(taskType)
          .orElseThrow(() -> new IllegalStateException("no agent for task type " + taskType));
      AgentResult result = agent.run(context(engagementId, task, phase));
      complete(task, phase, result);
    } catch (AgentDeclinedException declined) {
      tasks.setStatus(task.id(), AgentTaskStatus.FAILED, "declined: " + declined.getMessage(), now());
      appendAfterCommit(task.id(), AgentEvent.FAILED, payload("error", "declined: " + declined.getMessage()));
      throw new BpmnError(AgentDeclinedException.ERROR_CODE, declined.getMessage());
    } catch (RuntimeException | Error e) {
      fail(task, job, e);
      throw e;
    } catch (Exception e) {
      fail(task, job, e);
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private AgentContext context(String engagementId, AgentTask task, Phase phase) {
    Engagement engagement = engagements.findById(engagementId)
        .orElseThrow(() -> new IllegalStateException("no engagement " + engagementId));
    String feedback = evidence.reviewerFeedback(engagementId, phase).orElse(null);
    return new AgentContext(engagement, task, phase, artifacts.list(engagementId), feedback,
        kind -> artifacts.latestOfKind(engagementId, kind), journal);
  }

  private void complete(AgentTask task, Phase phase, AgentResult result) {
    List<Map<String, Object>> recorded = new ArrayList<>();
    for (ArtifactService.Draft draft : result.artifacts()) {
      Artifact a = artifacts.record(task.engagementId(), phase.value(), task.id(), draft);
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("id", a.id());
      ref.put("name", a.name());
      ref.put("kind", a.kind());
      ref.put("version", a.version());
      recorded.add(ref);
    }
    Map<String, Object> outputs = new LinkedHashMap<>(result.outputs());
    outputs.put("artifacts", recorded);
    tasks.complete(task.id(), outputs, result.summary(), result.confidence(), now());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("result", result.summary());
    payload.put("confidence", result.confidence());
    payload.put("artifacts", recorded);
    appendAfterCommit(task.id(), AgentEvent.COMPLETED, payload);
  }

  /** Writes a terminal event in the job's transaction and announces it once that transaction commits. */
  private void appendAfterCommit(String taskId, String type, Map<String, Object> payload) {
    AgentEvent event = events.append(taskId, type, payload, now());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          publisher.publishEvent(new AgentJournal.EventCommitted(event));
        }
      });
    } else {
      publisher.publishEvent(new AgentJournal.EventCommitted(event));
    }
  }

  private void fail(AgentTask task, Job job, Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    boolean finalAttempt = job == null || job.getRetries() <= 1;
    log.warn("agent {} of engagement {} failed (attempt {}{}): {}", task.taskType(), task.engagementId(),
        task.attempts() + 1, finalAttempt ? ", no retry left" : "", message);
    journal.failed(task.id(), message, finalAttempt);
  }

  /** The asynchronous-continuation job running this service task (on the task's execution or its parent). */
  private Job currentJob(DelegateExecution execution) {
    return management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId()).list().stream()
        .filter(j -> j.getExecutionId().equals(execution.getId())
            || j.getExecutionId().equals(execution.getParentId()))
        .findFirst().orElse(null);
  }

  private static Map<String, Object> payload(String key, Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key, value);
    return map;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
