package org.openforge.approval;

import org.openforge.process.ApprovalType;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import org.springframework.stereotype.Component;

/** Records the automatic sign-off the routing decided, with its reason, as an approved approval. */
@Component("autoApprovalDelegate")
public class AutoApprovalDelegate implements JavaDelegate {

  private final ApprovalService approvals;
  private final EngagementRepository engagements;
  private final ReviewItems reviewItems;

  public AutoApprovalDelegate(ApprovalService approvals, EngagementRepository engagements, ReviewItems reviewItems) {
    this.approvals = approvals;
    this.engagements = engagements;
    this.reviewItems = reviewItems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String engagementId = (String) execution.getVariable(ProcessIds.VAR_ENGAGEMENT_ID);
    ApprovalType type = ApprovalType.parse((String) execution.getVariable(ProcessIds.VAR_APPROVAL_TYPE));
    Phase phase = Phase.parse((String) execution.getVariable(ProcessIds.VAR_PHASE));
    Engagement engagement = engagements.findById(engagementId).orElseThrow();
    String title = ApprovalType.signOffTitle(type, phase, engagement.name());
    approvals.recordAutomatic(engagementId, type, phase.value(), title,
        reviewItems.forPhase(engagementId, phase.value()), java.util.Map.of(), execution.getProcessInstanceId(),
        (String) execution.getVariable(ProcessIds.VAR_SIGN_OFF_REASON));
  }
}
