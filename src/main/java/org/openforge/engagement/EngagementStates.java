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

  private static final int CHUNK = 500;

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

  /** The query run over the values in chunks of {@value #CHUNK} (none when there are no values). */
  private static <T> List<T> chunked(List<String> values, java.util.function.Function<List<String>, List<T>> query) {
    List<T> out = new java.util.ArrayList<>();
    for (int from = 0; from < values.size(); from += CHUNK) {
      out.addAll(query.apply(values.subList(from, Math.min(values.size(), from + CHUNK))));
    }
    return out;
  }

  private static <Q extends org.operaton.bpm.engine.query.NativeQuery<Q, U>, U> List<U> list(Q query, String sql,
      Map<String, Object> params) {
    Q q = query.sql(sql);
    for (Map.Entry<String, Object> p : params.entrySet()) {
      q = q.parameter(p.getKey(), p.getValue());
    }
    return q.list();
  }

  /** Named parameters for the values ({@code #{k0}, #{k1}, ...}), added to {@code params}. */
  private static String in(String name, List<String> values, Map<String, Object> params) {
    java.util.StringJoiner list = new java.util.StringJoiner(", ");
    for (int i = 0; i < values.size(); i++) {
      params.put(name + i, values.get(i));
      list.add("#{" + name + i + "}");
    }
    return list.toString();
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
    // native queries: for these simple reads the engine's query builder (OGNL over its dynamic SQL) costs more Java
    // time than the database takes to answer
    List<String> keys = submitted.stream().map(Engagement::id).toList();
    List<String> definitions = List.of(definitions());
    String historic = management.getTableName(HistoricProcessInstance.class);
    Map<String, List<HistoricProcessInstance>> byEngagement = chunked(keys, chunk -> {
      Map<String, Object> params = new HashMap<>();
      return list(history.createNativeHistoricProcessInstanceQuery(), "select RES.* from " + historic
          + " RES where RES.BUSINESS_KEY_ in (" + in("k", chunk, params) + ") and RES.PROC_DEF_KEY_ in ("
          + in("d", definitions, params) + ")", params);
    }).stream().collect(Collectors.groupingBy(HistoricProcessInstance::getBusinessKey));
    List<String> running = byEngagement.values().stream().flatMap(List::stream)
        .filter(h -> h.getEndTime() == null).map(HistoricProcessInstance::getId).toList();
    String executions = management.getTableName(ProcessInstance.class);
    Set<String> suspended = chunked(running, chunk -> {
      Map<String, Object> params = new HashMap<>();
      return list(runtime.createNativeProcessInstanceQuery(), "select RES.* from " + executions
          + " RES where RES.ID_ in (" + in("p", chunk, params) + ") and RES.SUSPENSION_STATE_ = 2", params);
    }).stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    Set<String> runningSet = new HashSet<>(running);
    List<String> runningLifecycles = submitted.stream().map(Engagement::processInstanceId)
        .filter(runningSet::contains).toList();
    String taskTable = management.getTableName(Task.class);
    Set<String> withKickOffTask = chunked(runningLifecycles, chunk -> {
      Map<String, Object> params = new HashMap<>();
      return list(tasks.createNativeTaskQuery(), "select RES.* from " + taskTable + " RES where RES.PROC_INST_ID_ in ("
          + in("l", chunk, params) + ")", params);
    }).stream().map(Task::getProcessInstanceId).collect(Collectors.toCollection(HashSet::new));
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
