package org.openforge.lifecycle;

import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of a phase's gate task: reads the DMN result (the engine's transient {@code decisionResult}), stores
 * the evaluation and sets {@code gateReady} and {@code gateBlockers} for the gateway and for Cockpit.
 */
@Component("gateResultListener")
public class GateResultListener implements ExecutionListener {

  static final String DECISION_RESULT = "decisionResult";

  private final GateService gates;

  public GateResultListener(GateService gates) {
    this.gates = gates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String engagementId = (String) execution.getVariable(ProcessIds.VAR_ENGAGEMENT_ID);
    Phase phase = Phase.parse((String) execution.getVariableLocal(ProcessIds.VAR_PHASE));
    DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal(DECISION_RESULT);
    List<Map<String, Object>> rows = result == null ? List.of() : result.getResultList();
    Map<String, Object> facts = new HashMap<>(execution.getVariablesLocal());
    facts.remove(ProcessIds.VAR_PHASE);
    facts.remove(DECISION_RESULT);
    GateEvaluation evaluation = gates.recordProcessEvaluation(engagementId, phase, execution.getProcessInstanceId(),
        facts, rows);
    execution.setVariable(ProcessIds.VAR_GATE_READY, evaluation.ready());
    execution.setVariable(ProcessIds.VAR_GATE_BLOCKERS, String.join(",",
        evaluation.blockers().stream().map(GateEvaluation.Unmet::requirement).toList()));
  }
}
