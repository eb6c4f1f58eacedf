package org.openforge.engagement;

import org.openforge.process.EngagementStatus;
import org.openforge.process.EngagementState;
import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import org.openforge.process.ProcessModels;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.management.JobDefinition;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.openforge.engagement.Engagement;
import org.springframework.stereotype.Component;

/**
 * Derives engagement status and phase from the engine (DESIGN §4), for one engagement or a page of them: three
 * queries per page (the history of the lifecycle and phase instances, their suspension state, the kick-off tasks),
 * plus a job query for each engagement caught between two phases.
 */
@Component
public class EngagementStates {

  private final HistoryService history;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ProcessModels models;
  private final ManagementService management;

  public EngagementStates(HistoryService history, RuntimeService runtime, TaskService tasks, ProcessModels models,
      ManagementService management) {
    this.history = history;
    this.runtime = runtime;
    this.tasks = tasks;
    this.models = models;
    this.management = management;
  }

  public EngagementState of(Engagement engagement) {
    return resolve(List.of(engagement)).get(engagement.id());
  }

  /**
   * The status an engagement's new work depends on (ended, paused, or neither), by one native query when its
   * lifecycle runs — the lifecycle instance and the phase instances it called, with their suspension — and in full
   * when it does not. Not the whole state: a running engagement answers IN_PROGRESS whatever its phase. (A native
   * query: the engine's query builder costs more Java time for its dynamic SQL than the database for the query.)
   */
  public EngagementStatus workStatus(Engagement engagement) {
    if (!engagement.submitted() || engagement.processInstanceId() == null) {
      return of(engagement).status();
    }
    String executions = management.getTableName(ProcessInstance.class);
    List<ProcessInstance> running = runtime.createNativeProcessInstanceQuery()
        .sql("select RES.* from " + executions + " RES where RES.ID_ = #{id} or (RES.ID_ = RES.PROC_INST_ID_ and "
            + "RES.SUPER_EXEC_ in (select E.ID_ from " + executions + " E where E.PROC_INST_ID_ = #{id}))")
        .parameter("id", engagement.processInstanceId()).list();
    if (running.stream().noneMatch(p -> p.getId().equals(engagement.processInstanceId()))) {
      return of(engagement).status();
    }
    return running.stream().anyMatch(ProcessInstance::isSuspended) ? EngagementStatus.PAUSED
        : EngagementStatus.IN_PROGRESS;
  }

  private static String[] definitions() {
    return Stream.concat(Stream.of(ProcessIds.LIFECYCLE),
        Stream.of(Phase.values()).filter(Phase::isWorkPhase).map(Phase::processKey)).toArray(String[]::new);
  }

  public Map<String, EngagementState> resolve(Collection<Engagement> engagements) {
    Map<String, EngagementState> states = new HashMap<>();
    List<Engagement> submitted = engagements.stream().filter(Engagement::submitted).toList();
    engagements.stream().filter(e -> !e.submitted()).forEach(e -> states.put(e.id(), EngagementState.DRAFT));
    if (submitted.isEmpty()) {
      return states;
    }
    String[] keys = submitted.stream().map(Engagement::id).toArray(String[]::new);
    String[] definitions = definitions();
    Map<String, List<HistoricProcessInstance>> byEngagement = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyIn(keys).processDefinitionKeyIn(definitions).list().stream()
        .collect(Collectors.groupingBy(HistoricProcessInstance::getBusinessKey));
    Set<String> running = byEngagement.values().stream().flatMap(List::stream)
        .filter(h -> h.getEndTime() == null).map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    Set<String> suspended = running.isEmpty() ? Set.of()
        : runtime.createProcessInstanceQuery().processInstanceIds(running).suspended().list().stream()
            .map(ProcessInstance::getId).collect(Collectors.toSet());
    Set<String> runningLifecycles = submitted.stream().map(Engagement::processInstanceId)
        .filter(running::contains).collect(Collectors.toSet());
    Set<String> withKickOffTask = runningLifecycles.isEmpty() ? Set.of()
        : tasks.createTaskQuery().processInstanceIdIn(runningLifecycles.toArray(String[]::new)).list().stream()
            .map(Task::getProcessInstanceId).collect(Collectors.toCollection(HashSet::new));
    for (Engagement e : submitted) {
      List<HistoricProcessInstance> instances = byEngagement.getOrDefault(e.id(), List.of());
      states.put(e.id(), stateOf(e, instances, suspended, withKickOffTask));
    }
    return states;
  }

  private EngagementState stateOf(Engagement e, List<HistoricProcessInstance> instances, Set<String> suspended,
      Set<String> withKickOffTask) {
    HistoricProcessInstance lifecycle = instances.stream()
        .filter(h -> h.getId().equals(e.processInstanceId())).findFirst().orElse(null);
    List<HistoricProcessInstance> phases = instances.stream()
        .filter(h -> Phase.ofProcessKey(h.getProcessDefinitionKey()).isPresent())
        .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)).toList();
    Phase lastPhase = phases.isEmpty() ? null : phaseOf(phases.get(phases.size() - 1));
    if (lifecycle == null) {
      // history removed by cleanup: the engagement ended long ago
      return new EngagementState(EngagementStatus.COMPLETED, Phase.COMPLETE, null);
    }
    if (lifecycle.getEndTime() != null) {
      return ended(lifecycle, lastPhase);
    }
    HistoricProcessInstance runningPhase = phases.stream().filter(h -> h.getEndTime() == null)
        .reduce((a, b) -> b).orElse(null);
    Phase current = runningPhase != null ? phaseOf(runningPhase) : null;
    boolean paused = suspended.contains(lifecycle.getId())
        || (runningPhase != null && suspended.contains(runningPhase.getId()));
    if (current == null && !withKickOffTask.contains(lifecycle.getId())) {
      current = pendingPhase(lifecycle).orElse(null);
    }
    if (paused) {
      return new EngagementState(EngagementStatus.PAUSED, current, null);
    }
    if (runningPhase != null) {
      return new EngagementState(EngagementStatus.IN_PROGRESS, current, null);
    }
    if (withKickOffTask.contains(lifecycle.getId())) {
      return new EngagementState(EngagementStatus.PENDING_APPROVAL, Phase.DISCOVERY, null);
    }
    if (phases.isEmpty()) {
      return new EngagementState(EngagementStatus.APPROVED, current == null ? Phase.DISCOVERY : current, null);
    }
    return new EngagementState(EngagementStatus.IN_PROGRESS, current == null ? lastPhase : current, null);
  }

  private EngagementState ended(HistoricProcessInstance lifecycle, Phase lastPhase) {
    String state = lifecycle.getState();
    if (lifecycle.getDeleteReason() != null || HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(state)
        || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(state)) {
      // deleted through our API (with its reason) or in Cockpit / the engine REST API (maybe without one)
      return new EngagementState(EngagementStatus.CANCELLED, lastPhase, lifecycle.getDeleteReason() != null
          ? lifecycle.getDeleteReason() : "the lifecycle process instance was deleted in the engine");
    }
    String end = lifecycle.getEndActivityId();
    if (ProcessIds.END_EVENT_REJECTED.equals(end)) {
      return new EngagementState(EngagementStatus.CANCELLED, null, "the kick-off approval was rejected");
    }
    if (models.isErrorEnd(lifecycle.getProcessDefinitionId(), end)) {
      return new EngagementState(EngagementStatus.FAILED, lastPhase, "the lifecycle ended at " + end);
    }
    return new EngagementState(EngagementStatus.COMPLETED, Phase.COMPLETE, null);
  }

  /**
   * The phase whose call activity waits to start in a running lifecycle: its asynchronous-continuation job (read
   * through the job definition, which names the activity).
   */
  private Optional<Phase> pendingPhase(HistoricProcessInstance lifecycle) {
    for (Job job : management.createJobQuery().processInstanceId(lifecycle.getId()).list()) {
      JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult();
      if (definition != null) {
        Optional<Phase> phase = models.phaseOfActivity(lifecycle.getProcessDefinitionId(), definition.getActivityId());
        if (phase.isPresent()) {
          return phase;
        }
      }
    }
    return Optional.empty();
  }

  private static Phase phaseOf(HistoricProcessInstance instance) {
    return Phase.ofProcessKey(instance.getProcessDefinitionKey()).orElse(null);
  }

  /** The running phase process instance of an engagement, if it is in a phase. */
  public Optional<ProcessInstance> runningPhaseInstance(String engagementId) {
    String[] phaseKeys = Stream.of(Phase.values()).filter(Phase::isWorkPhase).map(Phase::processKey)
        .toArray(String[]::new);
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(engagementId)
        .processDefinitionKeyIn(phaseKeys).list().stream().findFirst();
  }
}
