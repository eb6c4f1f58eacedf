package org.openforge.agent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ActivityInstance;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.variable.Variables;
import org.openforge.agent.llm.AgentMessageRepository;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementService;
import org.openforge.engagement.EngagementStates;
import org.openforge.process.EngagementStatus;
import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import org.openforge.security.Caller;
import org.openforge.system.ApiEnum;
import org.openforge.system.ApiException;
import org.openforge.system.PageRequest;
import org.openforge.system.PageResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agent tasks through the API: each runs as an {@code agent-task} process (business key = engagement), so it shows
 * in Cockpit, retries, and raises an incident when it finally fails. Cancel and retry are engine operations.
 */
@Service
public class AgentTaskService {

  private final AgentTaskRepository tasks;
  private final AgentMessageRepository messages;
  private final EngagementService engagements;
  private final EngagementStates states;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final AgentJournal journal;
  private final Clock clock;

  public AgentTaskService(AgentTaskRepository tasks, AgentMessageRepository messages,
      EngagementService engagements, EngagementStates states, RuntimeService runtime, ManagementService management,
      HistoryService history, AgentJournal journal, Clock clock) {
    this.tasks = tasks;
    this.messages = messages;
    this.engagements = engagements;
    this.states = states;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.journal = journal;
    this.clock = clock;
  }

  @Transactional
  public AgentTaskView create(CreateAgentTaskRequest request, Caller caller) {
    if (!AgentRegistry.TASK_TYPES.contains(request.taskType())) {
      throw ApiException.invalid("task_type", "unknown task type '" + request.taskType() + "'; valid: "
          + AgentRegistry.TASK_TYPES);
    }
    Engagement engagement;
    try {
      engagement = engagements.find(request.engagementId());
    } catch (ApiException e) {
      throw ApiException.invalid("engagement_id", "no engagement '" + request.engagementId() + "'");
    }
    EngagementStatus status = states.workStatus(engagement);
    if (status == EngagementStatus.COMPLETED || status == EngagementStatus.CANCELLED
        || status == EngagementStatus.FAILED) {
      throw ApiException.conflict("the engagement is " + status.value() + "; it takes no new tasks");
    }
    String phase = Phase.ofTaskType(request.taskType()).map(Phase::value).orElseThrow();
    AgentTask task = new AgentTask(UUID.randomUUID().toString(), engagement.id(), request.taskType(),
        request.description(), request.inputData() == null ? Map.of() : request.inputData(),
        AgentTaskStatus.PENDING, phase, AgentTask.ORIGIN_API, null, null, 0, request.maxIterations(),
        request.timeoutSeconds(), null, null, null, null, null, null, 0, 0, 0, caller.name(), now(), null, null);
    tasks.insert(task);
    String instance = startProcess(task);
    if (status == EngagementStatus.PAUSED) {
      runtime.suspendProcessInstanceById(instance);
    }
    return get(task.id());
  }

  public AgentTaskView get(String id) {
    return AgentTaskView.of(find(id));
  }

  public AgentTask find(String id) {
    return tasks.find(id).orElseThrow(() -> ApiException.notFound("agent task", id));
  }

  public PageResponse<AgentTaskView> list(String engagementId, String status, PageRequest page) {
    String s = status == null ? null : ApiEnum.parse(AgentTaskStatus.class, "status", status).value();
    return new PageResponse<>(tasks.search(engagementId, s, page.offset(), page.pageSize()).stream()
        .map(AgentTaskView::of).toList(), page.page(), page.pageSize(), tasks.count(engagementId, s));
  }

  /** The run's messages, all or one channel ({@code agent}: the built-in agent's steps, {@code model}: the LLM). */
  public List<AgentMessageView> messages(String id, String channel) {
    find(id);
    if (channel != null && !List.of("agent", "model").contains(channel)) {
      throw ApiException.invalid("channel", "must be one of [agent, model], got '" + channel + "'");
    }
    return AgentMessageView.of(messages.forTask(id).stream()
        .filter(m -> channel == null || channel.equals(m.channel())).toList());
  }

  /** Stops a task: its agent-task process is deleted, or the phase's call of it (older phases: subprocess) ended. */
  @Transactional
  public AgentTaskView cancel(String id, Caller caller) {
    AgentTask task = find(id);
    if (task.status().terminal()) {
      throw ApiException.conflict("task " + id + " is already " + task.status().value());
    }
    String reason = "cancelled by " + caller.name();
    if (AgentTask.ORIGIN_API.equals(task.origin())) {
      if (task.processInstanceId() != null
          && runtime.createProcessInstanceQuery().processInstanceId(task.processInstanceId()).count() > 0) {
        runtime.deleteProcessInstance(task.processInstanceId(), reason, false, true);
      }
    } else {
      cancelPhaseAgent(task, reason);
    }
    tasks.setStatus(id, AgentTaskStatus.CANCELLED, reason, now());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("error", reason);
    payload.put("cancelled", true);
    // through the journal once the cancel committed: a run still going may be appending the task's events there
    org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
        new org.springframework.transaction.support.TransactionSynchronization() {
          @Override
          public void afterCommit() {
            journal.event(id, AgentEvent.FAILED, payload);
            journal.flush(id);
          }
        });
    return get(id);
  }

  /**
   * Runs a failed task again: a task that ended in an incident gets its job's retries back (as Cockpit's retry); a
   * declined API task starts a new run of its process.
   */
  @Transactional
  public AgentTaskView retry(String id, Caller caller) {
    AgentTask task = find(id);
    if (task.status() != AgentTaskStatus.FAILED) {
      throw ApiException.conflict("only failed tasks are retried; task " + id + " is " + task.status().value());
    }
    List<Incident> incidents = task.processInstanceId() == null ? List.of()
        : runtime.createIncidentQuery().processInstanceId(task.processInstanceId()).list().stream()
            .filter(i -> task.executionId() == null || task.executionId().equals(i.getExecutionId())
                || AgentTask.ORIGIN_API.equals(task.origin()))
            .toList();
    if (!incidents.isEmpty()) {
      for (Incident incident : incidents) {
        management.setJobRetries(incident.getConfiguration(), 1);
      }
    } else if (AgentTask.ORIGIN_API.equals(task.origin())) {
      startProcess(task);
    } else {
      throw ApiException.conflict("this phase agent ended without an incident; rework its phase or create a task");
    }
    tasks.setStatus(id, AgentTaskStatus.PENDING, null, null);
    journal.progress(id, "retry", "retry requested by " + caller.name());
    journal.flush(id);
    return get(id);
  }

  /** Starts a run of an API task: a new agent-task process instance (business key = engagement). */
  private String startProcess(AgentTask task) {
    ProcessInstance instance = runtime.createProcessInstanceByKey(ProcessIds.AGENT_TASK)
        .businessKey(task.engagementId())
        .setVariables(Variables.createVariables()
            .putValue(ProcessIds.VAR_ENGAGEMENT_ID, task.engagementId())
            .putValue(ProcessIds.VAR_TASK_TYPE, task.taskType())
            .putValue(ProcessIds.VAR_AGENT_TASK_ID, task.id()))
        .execute();
    tasks.setProcess(task.id(), instance.getId(), null);
    return instance.getId();
  }

  private void cancelPhaseAgent(AgentTask task, String reason) {
    if (task.processInstanceId() == null
        || runtime.createProcessInstanceQuery().processInstanceId(task.processInstanceId()).count() == 0) {
      return;
    }
    ProcessInstance phase = runtime.createProcessInstanceQuery().subProcessInstanceId(task.processInstanceId())
        .singleResult();
    if (phase != null) {
      cancelCall(phase.getId(), task.processInstanceId(), reason);
      return;
    }
    // a phase version from before agent runs were called: the agent is an embedded subprocess of the phase
    ActivityInstance tree = runtime.getActivityInstance(task.processInstanceId());
    ActivityInstance agent = find(tree, task.executionId());
    if (agent != null) {
      runtime.createProcessInstanceModification(task.processInstanceId())
          .cancelActivityInstance(agent.getId())
          .setAnnotation(reason)
          .execute(false, false);
    }
  }

  /** Cancels the phase's call activity that runs the agent (which deletes the called run): its branch ends. */
  private void cancelCall(String phaseInstanceId, String runInstanceId, String reason) {
    history.createHistoricActivityInstanceQuery().processInstanceId(phaseInstanceId).activityType("callActivity")
        .unfinished().list().stream().filter(call -> runInstanceId.equals(call.getCalledProcessInstanceId()))
        .findFirst().ifPresent(call -> runtime.createProcessInstanceModification(phaseInstanceId)
            .cancelActivityInstance(call.getId()).setAnnotation(reason).execute(false, false));
  }

  /** The activity instance (the agent's subprocess) whose executions include the task's run. */
  private static ActivityInstance find(ActivityInstance node, String executionId) {
    for (ActivityInstance child : node.getChildActivityInstances()) {
      if (java.util.Arrays.asList(child.getExecutionIds()).contains(executionId)) {
        return child;
      }
      ActivityInstance deeper = find(child, executionId);
      if (deeper != null) {
        return child.getActivityType().equals("subProcess") ? child : deeper;
      }
    }
    for (org.operaton.bpm.engine.runtime.TransitionInstance transition : node.getChildTransitionInstances()) {
      if (executionId != null && executionId.equals(transition.getExecutionId())) {
        return node;
      }
    }
    return null;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
