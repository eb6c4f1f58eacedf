package org.openforge.lifecycle;

import org.openforge.approval.ApprovalRouter;
import org.openforge.approval.ApprovalRepository;
import org.openforge.process.ApprovalType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.openforge.agent.AgentTaskRepository;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.lifecycle.GateEvidenceService;
import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import org.springframework.stereotype.Component;

/**
 * Listener of the sign-off routing task. On start it puts the approval-routing DMN inputs into local variables
 * (approval settings, always_require_approval, auto_approve_threshold, the phase's agent confidence, a hand-passed
 * human approval); on end it turns the DMN result into {@code signOffRoute} and {@code signOffReason}.
 */
@Component("approvalRoutingListener")
public class ApprovalRoutingListener implements ExecutionListener {

  private final ApprovalRouter router;
  private final EngagementRepository engagements;
  private final AgentTaskRepository agentTasks;
  private final GateEvidenceService evidence;

  public ApprovalRoutingListener(ApprovalRouter router, EngagementRepository engagements,
      AgentTaskRepository agentTasks, GateEvidenceService evidence) {
    this.router = router;
    this.engagements = engagements;
    this.agentTasks = agentTasks;
    this.evidence = evidence;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      start(execution);
    } else {
      DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal("decisionResult");
      ApprovalRouter.Route route = ApprovalRouter.toRoute(result == null ? null : result.getSingleResult());
      execution.setVariable(ProcessIds.VAR_SIGN_OFF_ROUTE, route.route());
      execution.setVariable(ProcessIds.VAR_SIGN_OFF_REASON, route.reason());
    }
  }

  private void start(DelegateExecution execution) {
    String engagementId = (String) execution.getVariable(ProcessIds.VAR_ENGAGEMENT_ID);
    ApprovalType type = ApprovalType.parse((String) execution.getVariableLocal(ProcessIds.VAR_APPROVAL_TYPE));
    Phase phase = Phase.parse((String) execution.getVariableLocal(ProcessIds.VAR_PHASE));
    Engagement engagement = engagements.findById(engagementId)
        .orElseThrow(() -> new IllegalStateException("no engagement " + engagementId));
    Date started = (Date) execution.getVariable("phaseStartedAt");
    OffsetDateTime since = started == null ? null : started.toInstant().atOffset(ZoneOffset.UTC);
    boolean byHand = evidence.humanApprovalPassedByHand(engagementId, phase, since);
    Double confidence = agentTasks.meanConfidence(engagementId, phase.value());
    execution.setVariablesLocal(router.inputs(engagement.agentConfig(), type,
        engagement.agentConfig().withDefaults().approvalSettings().humanReview(type), confidence, byHand));
  }
}
