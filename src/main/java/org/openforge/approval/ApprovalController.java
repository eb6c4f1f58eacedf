package org.openforge.approval;

import org.openforge.process.ApprovalType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openforge.security.Caller;
import org.openforge.security.RequiresRole;
import org.openforge.security.Role;
import org.openforge.system.PageRequest;
import org.openforge.system.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals", description = "Human-in-the-loop decisions; each is a Tasklist user task")
public class ApprovalController {

  private final ApprovalService approvals;

  public ApprovalController(ApprovalService approvals) {
    this.approvals = approvals;
  }

  public record DecisionRequest(@Size(max = 5000) String comment) {}

  /** An approval as the API shows it. */
  public record ApprovalView(String id, ApprovalType type, String title, String description, ApprovalStatus status,
      String engagementId, String phase, List<Approval.ReviewItem> itemsToReview, Map<String, Object> context,
      OffsetDateTime createdAt, String decidedBy, String decisionComment, OffsetDateTime decidedAt, String routing,
      String routingReason, String taskId) {

    static ApprovalView of(Approval a) {
      return new ApprovalView(a.id(), a.type(), a.title(), a.description(), a.status(), a.engagementId(), a.phase(),
          a.items(), a.context(), a.requestedAt(), a.decidedBy(), a.decisionComment(), a.decidedAt(), a.routing(),
          a.routingReason(), a.taskId());
    }
  }

  @GetMapping
  @Operation(summary = "List approvals", description = "Filter by engagement, status and type; newest first.")
  public PageResponse<ApprovalView> list(@RequestParam(name = "engagement_id", required = false) String engagementId,
      @RequestParam(required = false) String status, @RequestParam(required = false) String type,
      @RequestParam(required = false) Integer page, @RequestParam(name = "page_size", required = false) Integer pageSize) {
    return approvals.list(engagementId, status, type, PageRequest.of(page, pageSize)).map(ApprovalView::of);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Get an approval")
  public ApprovalView get(@PathVariable String id) {
    return ApprovalView.of(approvals.get(id));
  }

  @PostMapping("/{id}/approve")
  @RequiresRole(Role.APPROVER)
  @Operation(summary = "Approve", description = "Completes the Tasklist task; 409 when already decided.")
  public ApprovalView approve(@PathVariable String id, @Valid @RequestBody(required = false) DecisionRequest request) {
    return ApprovalView.of(approvals.decide(id, true, request == null ? null : request.comment(),
        Caller.current().name()));
  }

  @PostMapping("/{id}/reject")
  @RequiresRole(Role.APPROVER)
  @Operation(summary = "Reject", description = "A comment is required: it goes to the agents for rework.")
  public ApprovalView reject(@PathVariable String id, @Valid @RequestBody(required = false) DecisionRequest request) {
    return ApprovalView.of(approvals.decide(id, false, request == null ? null : request.comment(),
        Caller.current().name()));
  }
}
