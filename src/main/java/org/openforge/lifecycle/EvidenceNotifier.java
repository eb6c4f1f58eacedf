package org.openforge.lifecycle;

import org.openforge.process.ProcessIds;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.runtime.Execution;
import org.openforge.engagement.EngagementRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wakes the phase of an engagement that waits on its gate: new evidence arrived (an agent or API task finished, a
 * gate was passed by hand, a data source tested). Used by the message end events of agent work and by services.
 * It takes the engagement lock first, so a gate evaluating concurrently either sees the new evidence or is already
 * waiting and gets woken up; suspended phases are left alone and woken when resumed.
 */
@Component("evidenceNotifier")
public class EvidenceNotifier implements JavaDelegate {

  private final RuntimeService runtime;
  private final EngagementRepository engagements;

  public EvidenceNotifier(RuntimeService runtime, EngagementRepository engagements) {
    this.runtime = runtime;
    this.engagements = engagements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifyEvidence(execution.getProcessBusinessKey());
  }

  @Transactional
  public int notifyEvidence(String engagementId) {
    if (engagementId == null || !engagements.lock(engagementId)) {
      return 0;
    }
    int woken = 0;
    for (Execution waiting : runtime.createExecutionQuery().processInstanceBusinessKey(engagementId)
        .messageEventSubscriptionName(ProcessIds.MESSAGE_EVIDENCE).active().list()) {
      runtime.messageEventReceived(ProcessIds.MESSAGE_EVIDENCE, waiting.getId());
      woken++;
    }
    return woken;
  }
}
