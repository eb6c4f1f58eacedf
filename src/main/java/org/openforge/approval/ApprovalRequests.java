package org.openforge.approval;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.openforge.approval.Approval.ReviewItem;
import org.openforge.datasource.SourceEvidenceQuery;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.process.ApprovalType;
import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import org.springframework.stereotype.Service;

/**
 * What an approval user task asks the reviewer, by approval type: the kick-off, a phase or deployment sign-off (items
 * from the engagement's artifacts), or a request an agent raised (title, items and context in process variables).
 */
@Service
public class ApprovalRequests {

  /** The opened record and what the task shows: its name, description and the items as Markdown. */
  public record Opened(Approval approval, String title, String description, String reviewSummary) {}

  private final ApprovalService approvals;
  private final EngagementRepository engagements;
  private final ReviewItems reviewItems;
  private final SourceEvidenceQuery sources;
  private final IdentityService identity;
  private final ReviewItemsCodec codec;

  public ApprovalRequests(ApprovalService approvals, EngagementRepository engagements, ReviewItems reviewItems,
      SourceEvidenceQuery sources, IdentityService identity, ReviewItemsCodec codec) {
    this.codec = codec;
    this.approvals = approvals;
    this.engagements = engagements;
    this.reviewItems = reviewItems;
    this.sources = sources;
    this.identity = identity;
  }

  /** Opens the approval record of a user task just created; {@code variables} reads the task's process variables. */
  public Opened open(String taskId, String processInstanceId, Function<String, Object> variables) {
    String engagementId = (String) variables.apply(ProcessIds.VAR_ENGAGEMENT_ID);
    ApprovalType type = ApprovalType.parse((String) variables.apply(ProcessIds.VAR_APPROVAL_TYPE));
    String phase = (String) variables.apply(ProcessIds.VAR_PHASE);
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
        title = String.valueOf(variables.apply("approvalTitle"));
        description = (String) variables.apply("approvalDescription");
        items = codec.decode((String) variables.apply("approvalItems"));
        context = codec.decodeContext((String) variables.apply("approvalContext"));
      }
    }
    Approval approval = approvals.openForTask(engagementId, type, phase, title, description, items, context,
        taskId, processInstanceId, (String) variables.apply(ProcessIds.VAR_SIGN_OFF_REASON));
    return new Opened(approval, title, description, ReviewItems.markdown(title, items));
  }

  /**
   * Records the decision of a completed task, as the authenticated engine user (Tasklist, engine REST, or our API's
   * caller), else the task's assignee.
   */
  public void decided(String taskId, String decision, String comment, String assignee) {
    Authentication authentication = identity.getCurrentAuthentication();
    String decidedBy = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : assignee != null ? assignee : "unknown";
    approvals.recordTaskDecision(taskId, decision, comment, decidedBy);
  }

  /** Cancels the record of a task deleted without a decision. */
  public void deleted(String taskId, String deleteReason) {
    approvals.cancelForTask(taskId, "the task ended without a decision: "
        + (deleteReason == null ? "deleted" : deleteReason));
  }
}
