package org.openforge.agent;

import java.util.List;
import java.util.Map;
import org.openforge.approval.Approval;
import org.openforge.process.ApprovalType;

/**
 * A run needs a reviewer's decision first (a sensitive tool call, access to a data source, a schema change): the run
 * stops here (BPMN error APPROVAL_REQUIRED), a Tasklist approval shows the request, and the run resumes after the
 * decision, finding it by the request's fingerprint.
 */
public class ApprovalPending extends RuntimeException {

  private final ApprovalType type;
  private final String title;
  private final String description;
  private final List<Approval.ReviewItem> items;
  private final Map<String, Object> context;

  public ApprovalPending(ApprovalType type, String title, String description, List<Approval.ReviewItem> items,
      Map<String, Object> context, String reason) {
    super(title + " waits for approval: " + reason);
    this.type = type;
    this.title = title;
    this.description = description;
    this.items = items;
    this.context = context;
  }

  public ApprovalType type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public List<Approval.ReviewItem> items() {
    return items;
  }

  public Map<String, Object> context() {
    return context;
  }

  /** The Tasklist form of each kind of request. */
  public String form() {
    return switch (type) {
      case TOOL_EXECUTION -> "tool-execution";
      case DATA_ACCESS -> "data-access";
      case SCHEMA_CHANGE -> "schema-change";
      case DEPLOYMENT -> "deployment-approval";
      case PHASE_TRANSITION -> "phase-sign-off";
      case ENGAGEMENT -> "approve-engagement";
    };
  }
}
