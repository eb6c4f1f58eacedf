package org.openforge.lifecycle;

import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.openforge.engagement.EngagementRepository;
import org.springframework.stereotype.Component;

/**
 * Start listener of a phase's gate task: locks the engagement and puts the evidence the gate DMN reads into the
 * task's local variables (kept in history, so Cockpit shows what each evaluation saw).
 */
@Component("gateEvidenceListener")
public class GateEvidenceListener implements ExecutionListener {

  static final String PHASE_STARTED_AT = "phaseStartedAt";

  private final GateEvidenceService evidence;
  private final EngagementRepository engagements;
  private final Clock clock;

  public GateEvidenceListener(GateEvidenceService evidence, EngagementRepository engagements, Clock clock) {
    this.evidence = evidence;
    this.engagements = engagements;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String engagementId = (String) execution.getVariable(ProcessIds.VAR_ENGAGEMENT_ID);
    Phase phase = Phase.parse((String) execution.getVariableLocal(ProcessIds.VAR_PHASE));
    engagements.lock(engagementId);
    Date started = (Date) execution.getVariable(PHASE_STARTED_AT);
    if (started == null) {
      started = Date.from(clock.instant());
      execution.getProcessInstance().setVariable(PHASE_STARTED_AT, started);
    }
    execution.setVariablesLocal(evidence.facts(engagementId, phase, execution.getProcessInstanceId(),
        OffsetDateTime.ofInstant(started.toInstant(), clock.getZone())));
  }
}
