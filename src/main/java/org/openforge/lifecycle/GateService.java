package org.openforge.lifecycle;

import org.openforge.engagement.EngagementStates;
import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.operaton.bpm.engine.DecisionService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates phase gates: the phase's business rule task evaluates its DMN in the process (recorded here through the
 * gate listeners); API calls such as transition-check evaluate the same DMN through the decision service. Every
 * evaluation is stored with its inputs and result.
 */
@Service
public class GateService {

  public static final String ORIGIN_PROCESS = "process";
  public static final String ORIGIN_CHECK = "check";

  private final GateEvidenceService evidence;
  private final GateRepository gates;
  private final DecisionService decisions;
  private final EngagementStates states;
  private final HistoryService history;
  private final GateTables gateTables;
  private final Clock clock;

  public GateService(GateEvidenceService evidence, GateRepository gates, DecisionService decisions,
      EngagementStates states, HistoryService history, GateTables gateTables, Clock clock) {
    this.evidence = evidence;
    this.gates = gates;
    this.decisions = decisions;
    this.states = states;
    this.history = history;
    this.gateTables = gateTables;
    this.clock = clock;
  }

  /**
   * Evaluates a phase's gate now for a decision the API makes (a transition), against the running phase instance
   * if the phase runs: stored, and kept in the engine's decision history.
   */
  @Transactional
  public GateEvaluation check(String engagementId, Phase phase) {
    Optional<ProcessInstance> running = running(engagementId, phase);
    String instanceId = running.map(ProcessInstance::getId).orElse(null);
    Map<String, Object> facts = evidence.facts(engagementId, phase, instanceId,
        running.map(pi -> startOf(pi.getId())).orElse(null));
    List<Map<String, Object>> result = decisions.evaluateDecisionByKey(ProcessIds.gateDecisionKey(phase))
        .variables(facts).evaluate().getResultList();
    return store(engagementId, phase, ORIGIN_CHECK, instanceId, facts, result);
  }

  /**
   * Evaluates a phase's gate for a read (phase status, transition check, summary) with the same deployed table,
   * but without writing anything: reads that clients poll leave no trace in our tables or the engine's history.
   */
  public GateEvaluation preview(String engagementId, Phase phase) {
    Optional<ProcessInstance> running = running(engagementId, phase);
    String instanceId = running.map(ProcessInstance::getId).orElse(null);
    Map<String, Object> facts = evidence.facts(engagementId, phase, instanceId,
        running.map(pi -> startOf(pi.getId())).orElse(null));
    List<Map<String, Object>> result = gateTables.evaluate(ProcessIds.gateDecisionKey(phase), facts);
    List<GateEvaluation.Unmet> unmet = merge(result);
    return new GateEvaluation(null, engagementId, phase, ORIGIN_CHECK, instanceId, facts, unmet,
        unmet.stream().noneMatch(GateEvaluation.Unmet::blocking), OffsetDateTime.now(clock));
  }

  private Optional<ProcessInstance> running(String engagementId, Phase phase) {
    return states.runningPhaseInstance(engagementId)
        .filter(pi -> pi.getProcessDefinitionId().startsWith(phase.processKey() + ":"));
  }

  /** Records an evaluation made by a phase's business rule task. */
  @Transactional
  public GateEvaluation recordProcessEvaluation(String engagementId, Phase phase, String processInstanceId,
      Map<String, Object> facts, List<Map<String, Object>> result) {
    return store(engagementId, phase, ORIGIN_PROCESS, processInstanceId, facts, result);
  }

  public List<GateEvaluation> history(String engagementId, int limit) {
    return gates.evaluations(engagementId, limit);
  }

  private GateEvaluation store(String engagementId, Phase phase, String origin, String processInstanceId,
      Map<String, Object> facts, List<Map<String, Object>> result) {
    List<GateEvaluation.Unmet> unmet = merge(result);
    boolean ready = unmet.stream().noneMatch(GateEvaluation.Unmet::blocking);
    GateEvaluation evaluation = new GateEvaluation(UUID.randomUUID().toString(), engagementId, phase, origin,
        processInstanceId, facts, unmet, ready, OffsetDateTime.now(clock));
    gates.insertEvaluation(evaluation);
    return evaluation;
  }

  /** One entry per requirement: blocking when any rule listing it blocks; the blocking rule's text wins. */
  static List<GateEvaluation.Unmet> merge(List<Map<String, Object>> result) {
    Map<String, GateEvaluation.Unmet> merged = new LinkedHashMap<>();
    for (Map<String, Object> row : result) {
      String id = String.valueOf(row.get("requirement"));
      boolean blocking = Boolean.TRUE.equals(row.get("blocking"));
      GateEvaluation.Unmet entry = new GateEvaluation.Unmet(id, text(row.get("name"), id),
          text(row.get("description"), ""), blocking);
      GateEvaluation.Unmet existing = merged.get(id);
      if (existing == null || (blocking && !existing.blocking())) {
        merged.put(id, entry);
      }
    }
    return new ArrayList<>(merged.values());
  }

  private OffsetDateTime startOf(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : instance.getStartTime().toInstant().atOffset(ZoneOffset.UTC);
  }

  private static String text(Object value, String fallback) {
    return value == null ? fallback : value.toString();
  }
}
