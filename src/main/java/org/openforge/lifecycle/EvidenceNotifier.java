package org.openforge.lifecycle;

import org.openforge.process.ProcessIds;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
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
  private final org.operaton.bpm.engine.ManagementService management;
  private final EngagementRepository engagements;

  public EvidenceNotifier(RuntimeService runtime, org.operaton.bpm.engine.ManagementService management,
      EngagementRepository engagements) {
    this.runtime = runtime;
    this.management = management;
    this.engagements = engagements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifyEvidence(execution.getProcessBusinessKey(), true);
  }

  @Transactional
  public int notifyEvidence(String engagementId) {
    return notifyEvidence(engagementId, false);
  }

  /**
   * {@code shared}: the lock in shared mode, for the end of an agent run — such notifiers do not wait for each other,
   * only for a gate evaluating (which takes the lock exclusively); two waking the same gate at once conflict, and the
   * one that loses retries its short job.
   */
  @Transactional
  public int notifyEvidence(String engagementId, boolean shared) {
    boolean locked = engagementId != null
        && (shared ? engagements.lockShared(engagementId) : engagements.lock(engagementId));
    if (!locked) {
      return 0;
    }
    int woken = 0;
    // a native query: the engine's execution query builds its dynamic SQL at a cost above the query's own
    String executions = management.getTableName(Execution.class);
    for (Execution waiting : runtime.createNativeExecutionQuery().sql("select RES.* from " + executions + " RES "
        + "join " + management.getTableName(EventSubscriptionEntity.class) + " S on S.EXECUTION_ID_ = RES.ID_ "
        + "join " + executions + " P on P.ID_ = RES.PROC_INST_ID_ "
        + "where S.EVENT_TYPE_ = 'message' and S.EVENT_NAME_ = #{name} and P.BUSINESS_KEY_ = #{key} "
        + "and RES.SUSPENSION_STATE_ = 1")
        .parameter("name", ProcessIds.MESSAGE_EVIDENCE).parameter("key", engagementId).list()) {
      runtime.messageEventReceived(ProcessIds.MESSAGE_EVIDENCE, waiting.getId());
      woken++;
    }
    return woken;
  }
}
