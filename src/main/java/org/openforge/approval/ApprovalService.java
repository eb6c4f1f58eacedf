package org.openforge.approval;

import org.openforge.process.ApprovalType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.variable.Variables;
import org.openforge.approval.Approval.ReviewItem;
import org.openforge.engagement.EngagementRepository;
import org.openforge.process.ProcessIds;
import org.openforge.security.EngineSecurityConfig;
import org.openforge.system.ApiEnum;
import org.openforge.system.ApiException;
import org.openforge.system.PageRequest;
import org.openforge.system.PageResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvals: records opened by the Tasklist user tasks (and automatic decisions), decided in Tasklist or through the
 * API — the same record either way, and a second decision is a conflict.
 */
@Service
public class ApprovalService {

  private final ApprovalRepository approvals;
  private final EngagementRepository engagements;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Clock clock;

  public ApprovalService(ApprovalRepository approvals, EngagementRepository engagements, TaskService tasks,
      IdentityService identity, Clock clock) {
    this.approvals = approvals;
    this.engagements = engagements;
    this.tasks = tasks;
    this.identity = identity;
    this.clock = clock;
  }

  /** Opens the approval record of a user task that was just created. */
  @Transactional
  public Approval openForTask(String engagementId, ApprovalType type, String phase, String title, String description,
      List<ReviewItem> items, Map<String, Object> context, String taskId, String processInstanceId,
      String routingReason) {
    Approval approval = new Approval(UUID.randomUUID().toString(), engagementId, type, phase, title, description,
        items, context, ApprovalStatus.PENDING, Approval.HUMAN, routingReason, taskId, processInstanceId, now(),
        null, null, null);
    approvals.insert(approval);
    return approval;
  }

  /** Records an approval the routing decided automatically, with its reason. */
  @Transactional
  public Approval recordAutomatic(String engagementId, ApprovalType type, String phase, String title,
      List<ReviewItem> items, Map<String, Object> context, String processInstanceId, String reason) {
    OffsetDateTime now = now();
    Approval approval = new Approval(UUID.randomUUID().toString(), engagementId, type, phase, title,
        "Approved automatically: " + reason, items, context, ApprovalStatus.APPROVED, Approval.AUTOMATIC, reason,
        null, processInstanceId, now, "system", reason, now);
    approvals.insert(approval);
    return approval;
  }

  /**
   * Records the decision carried by a completed task; fails (and so rolls the completion back) if already decided.
   * It runs inside the engine's completion (Tasklist, engine REST), so its refusals are the engine's
   * {@link BadUserRequestException}: a 4xx for the client, not a server error. It takes the same locks as
   * {@link #decide}, in the same order (engagement, then approval), and before the engine writes anything (the
   * complete listener runs before the engine flushes the task's end): of a Tasklist completion and an API decision
   * at the same moment, the second waits for the first and then sees it decided.
   */
  @Transactional
  public Approval recordTaskDecision(String taskId, String decision, String comment, String decidedBy) {
    Approval found = approvals.findByTask(taskId)
        .orElseThrow(() -> new IllegalStateException("no approval record for task " + taskId));
    engagements.lock(found.engagementId());
    Approval approval = approvals.lock(found.id()).orElseThrow();
    if (approval.status() != ApprovalStatus.PENDING) {
      throw new BadUserRequestException("approval " + approval.id() + " was already " + approval.status().value()
          + (approval.decidedBy() == null ? "" : " by " + approval.decidedBy()));
    }
    ApprovalStatus status = statusOf(decision);
    if (status == ApprovalStatus.REJECTED && (comment == null || comment.isBlank())) {
      throw new BadUserRequestException("A rejection needs a comment: it tells the agents what to rework");
    }
    if (!approvals.decide(approval.id(), status, decidedBy, comment, now())) {
      throw new BadUserRequestException("approval " + approval.id() + " was already decided");
    }
    return approvals.find(approval.id()).orElseThrow();
  }

  /** The task ended without a decision (its phase was left or the engagement cancelled). */
  @Transactional
  public void cancelForTask(String taskId, String reason) {
    approvals.findByTask(taskId).filter(a -> a.status() == ApprovalStatus.PENDING)
        .ifPresent(a -> approvals.decide(a.id(), ApprovalStatus.CANCELLED, "system", reason, now()));
  }

  public PageResponse<Approval> list(String engagementId, String status, String type, PageRequest page) {
    String s = status == null ? null : ApiEnum.parse(ApprovalStatus.class, "status", status).value();
    String t = type == null ? null : ApiEnum.parse(ApprovalType.class, "type", type).value();
    return new PageResponse<>(approvals.search(engagementId, s, t, page.offset(), page.pageSize()), page.page(),
        page.pageSize(), approvals.count(engagementId, s, t));
  }

  public Approval get(String id) {
    return approvals.find(id).orElseThrow(() -> ApiException.notFound("approval", id));
  }

  /**
   * Decides an approval through the API by completing its Tasklist task as the caller. The row lock serialises
   * concurrent deciders: the first wins, the others get 409. The engagement is locked first, in the same order as
   * every other writer of the engagement's evidence and approvals (engagement, then approval), so no two wait on
   * each other.
   */
  @Transactional
  public Approval decide(String id, boolean approve, String comment, String decidedBy) {
    String engagementId = approvals.find(id).map(Approval::engagementId)
        .orElseThrow(() -> ApiException.notFound("approval", id));
    engagements.lock(engagementId);
    Approval approval = approvals.lock(id).orElseThrow(() -> ApiException.notFound("approval", id));
    if (approval.status() != ApprovalStatus.PENDING) {
      throw ApiException.conflict("approval " + id + " is already " + approval.status().value()
          + (approval.decidedBy() == null ? "" : " by " + approval.decidedBy()))
          .with("approval_status", approval.status().value());
    }
    if (!approve && (comment == null || comment.isBlank())) {
      throw ApiException.invalid("comment", "is required when rejecting: it tells the agents what to rework");
    }
    Task task = approval.taskId() == null ? null : tasks.createTaskQuery().taskId(approval.taskId()).singleResult();
    if (task == null) {
      throw ApiException.conflict("approval " + id + " has no open task any more");
    }
    // the decider is who the engine sees completing the task (as a Tasklist user would be), never a variable
    Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(decidedBy, List.of(EngineSecurityConfig.ENGINE_ADMIN_GROUP));
    try {
      tasks.complete(task.getId(), Variables.createVariables()
          .putValue(ProcessIds.VAR_DECISION, approve ? ProcessIds.DECISION_APPROVE : ProcessIds.DECISION_REJECT)
          .putValue(ProcessIds.VAR_COMMENT, comment));
    } finally {
      identity.setAuthentication(before);
    }
    engagements.touch(approval.engagementId(), now());
    return approvals.find(id).orElseThrow();
  }

  public List<Approval> forEngagement(String engagementId) {
    return approvals.forEngagement(engagementId);
  }

  static ApprovalStatus statusOf(String decision) {
    if (ProcessIds.DECISION_APPROVE.equals(decision)) {
      return ApprovalStatus.APPROVED;
    }
    if (ProcessIds.DECISION_REJECT.equals(decision)) {
      return ApprovalStatus.REJECTED;
    }
    throw new BadUserRequestException("The decision must be 'approve' or 'reject', got '" + decision + "'");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
