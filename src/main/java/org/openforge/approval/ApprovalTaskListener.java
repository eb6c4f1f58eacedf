package org.openforge.approval;

import org.openforge.process.ApprovalType;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.openforge.approval.Approval.ReviewItem;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import org.openforge.datasource.SourceEvidenceQuery;
import org.springframework.stereotype.Component;

/**
 * Keeps the approval record of every approval user task: opened on create (with the items to review, also given to
 * the Tasklist form as Markdown), decided on complete (by whoever completed it: a Tasklist user or an API caller),
 * cancelled when the task is deleted without a decision.
 */
@Component("approvalTaskListener")
public class ApprovalTaskListener implements TaskListener {

  private final ApprovalService approvals;
  private final EngagementRepository engagements;
  private final ReviewItems reviewItems;
  private final SourceEvidenceQuery sources;
  private final IdentityService identity;

  public ApprovalTaskListener(ApprovalService approvals, EngagementRepository engagements, ReviewItems reviewItems,
      SourceEvidenceQuery sources, IdentityService identity) {
    this.approvals = approvals;
    this.engagements = engagements;
    this.reviewItems = reviewItems;
    this.sources = sources;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> open(task);
      case EVENTNAME_COMPLETE -> decide(task);
      case EVENTNAME_DELETE -> approvals.cancelForTask(task.getId(), "the task ended without a decision: "
          + (task.getDeleteReason() == null ? "deleted" : task.getDeleteReason()));
      default -> { }
    }
  }

  private void open(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String engagementId = (String) execution.getVariable(ProcessIds.VAR_ENGAGEMENT_ID);
    ApprovalType type = ApprovalType.parse((String) execution.getVariable(ProcessIds.VAR_APPROVAL_TYPE));
    String phase = (String) execution.getVariable(ProcessIds.VAR_PHASE);
    Engagement engagement = engagements.findById(engagementId)
        .orElseThrow(() -> new IllegalStateException("no engagement " + engagementId));
    String title;
    String description;
    List<ReviewItem> items;
    Map<String, Object> context = Map.of();
    switch (type) {
      case ENGAGEMENT -> {
        title = "Approve engagement: " + engagement.name();
        description = "Kick-off approval before the Discovery phase starts.";
        items = reviewItems.forKickOff(engagement, sources.names(engagementId));
      }
      case PHASE_TRANSITION, DEPLOYMENT -> {
        String label = Phase.parse(phase).label();
        title = ApprovalType.signOffTitle(type, Phase.parse(phase), engagement.name());
        description = "The " + label + " gate is met. Approve to move on, or request rework with a comment.";
        items = reviewItems.forPhase(engagementId, phase);
      }
      default -> {
        title = String.valueOf(execution.getVariable("approvalTitle"));
        description = (String) execution.getVariable("approvalDescription");
        items = ReviewItemsCodec.decode((String) execution.getVariable("approvalItems"));
        context = ReviewItemsCodec.decodeContext((String) execution.getVariable("approvalContext"));
      }
    }
    Approval approval = approvals.openForTask(engagementId, type, phase, title, description, items, context,
        task.getId(), task.getProcessInstanceId(), (String) execution.getVariable(ProcessIds.VAR_SIGN_OFF_REASON));
    // a stale decision from an earlier round must not complete this task
    execution.getProcessInstance().removeVariable(ProcessIds.VAR_DECISION);
    execution.getProcessInstance().removeVariable(ProcessIds.VAR_COMMENT);
    task.setName(title.length() > 250 ? title.substring(0, 250) : title);
    task.setDescription(description);
    task.setVariableLocal(ProcessIds.VAR_APPROVAL_ID, approval.id());
    task.setVariableLocal(ProcessIds.VAR_REVIEW_SUMMARY, ReviewItems.markdown(title, items));
  }

  private void decide(DelegateTask task) {
    String decision = (String) task.getVariable(ProcessIds.VAR_DECISION);
    String comment = (String) task.getVariable(ProcessIds.VAR_COMMENT);
    approvals.recordTaskDecision(task.getId(), decision, comment, decidedBy(task));
  }

  /** Who completed the task: the authenticated engine user (Tasklist, engine REST, or our API's caller). */
  private String decidedBy(DelegateTask task) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }
}
