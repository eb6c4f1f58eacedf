package org.openforge.agent;

import java.util.List;
import java.util.Map;
import org.openforge.approval.Approval;
import org.openforge.process.ApprovalType;
import org.openforge.engagement.Engagement;

/** The approvals of one run, as agents see them: ask for a decision when the engagement wants one. */
public class RunApprovals {

  private final AgentApprovals approvals;
  private final AgentTask task;
  private final Engagement engagement;

  public RunApprovals(AgentApprovals approvals, AgentTask task, Engagement engagement) {
    this.approvals = approvals;
    this.task = task;
    this.engagement = engagement;
  }

  /**
   * Asks for a decision when the engagement's approval settings want one for this type (else: approved). Throws
   * {@link ApprovalPending} when a reviewer must decide first; the run resumes with the decision.
   *
   * @param subject what identifies the request (same subject, same decision): e.g. the source ids, the schema text
   */
  public AgentApprovals.Decision require(ApprovalType type, String subject, String title, String description,
      List<Approval.ReviewItem> items, Map<String, Object> context) {
    if (!approvals.wanted(engagement, type)) {
      return new AgentApprovals.Decision(true, "approval_settings do not ask for " + type.value() + " approvals");
    }
    return approvals.decide(task, engagement,
        new AgentApprovals.Request(type, subject, title, description, items, context));
  }
}
