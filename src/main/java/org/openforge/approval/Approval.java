package org.openforge.approval;

import org.openforge.process.ApprovalType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An approval: the record of a Tasklist user task (human routing) or of an automatic decision. It outlives the task,
 * so decisions and comments stay readable.
 */
public record Approval(String id, String engagementId, ApprovalType type, String phase, String title,
    String description, List<ReviewItem> items, Map<String, Object> context, ApprovalStatus status, String routing,
    String routingReason, String taskId, String processInstanceId, OffsetDateTime requestedAt, String decidedBy,
    String decisionComment, OffsetDateTime decidedAt) {

  public static final String HUMAN = "human";
  public static final String AUTOMATIC = "automatic";

  /** A phase sign-off (the deployment approval signs off the Deploy phase). */
  public boolean isSignOff() {
    return type == ApprovalType.PHASE_TRANSITION || type == ApprovalType.DEPLOYMENT;
  }

  /** One thing a reviewer should look at. */
  public record ReviewItem(String name, String summary) {}
}
