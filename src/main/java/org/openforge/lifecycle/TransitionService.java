package org.openforge.lifecycle;

import org.openforge.process.ProcessIds;
import org.openforge.engagement.EngagementStates;
import org.openforge.process.EngagementState;
import org.openforge.process.EngagementStatus;
import org.openforge.process.Phase;
import org.openforge.process.ProcessModels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.runtime.ActivityInstance;
import org.operaton.bpm.engine.runtime.TransitionInstance;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.openforge.approval.Approval;
import org.openforge.approval.ApprovalRepository;
import org.openforge.approval.ApprovalService;
import org.openforge.approval.ApprovalStatus;
import org.openforge.engagement.AuditTrail;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.security.Caller;
import org.openforge.security.Role;
import org.openforge.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Phase transitions. Forward transitions follow the model: the gate must be ready, then the phase's sign-off is
 * approved (by this call when the caller may approve) and the lifecycle moves on. Forced (admin) and backward
 * (rework) transitions are process-instance modifications of the lifecycle's call activities, annotated and
 * recorded in the audit trail.
 */
@Service
public class TransitionService {

  private final EngagementStates states;
  private final PhaseProgressService progress;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final ProcessModels models;
  private final ApprovalRepository approvalRecords;
  private final ApprovalService approvals;
  private final EvidenceNotifier evidence;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final EngagementRepository engagementRows;

  public TransitionService(EngagementStates states, PhaseProgressService progress, RuntimeService runtime,
      ManagementService management, ProcessModels models, ApprovalRepository approvalRecords,
      ApprovalService approvals, EvidenceNotifier evidence, AuditTrail audit, TransactionTemplate transactions,
      EngagementRepository engagementRows) {
    this.engagementRows = engagementRows;
    this.states = states;
    this.progress = progress;
    this.runtime = runtime;
    this.management = management;
    this.models = models;
    this.approvalRecords = approvalRecords;
    this.approvals = approvals;
    this.evidence = evidence;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Something that keeps a transition from happening now. */
  public record Blocker(String gateId, String name, String description) {}

  public record Check(Phase currentPhase, Phase targetPhase, boolean ready, List<Blocker> blockers,
      PhaseProgress progress) {}

  public record Result(boolean success, Phase previousPhase, Phase currentPhase, boolean forced, String direction,
      String approvalId) {}

  /** Whether the engagement may move to the target phase (null: the next one) now (a read: nothing is stored). */
  public Check check(Engagement engagement, Phase target) {
    return check(engagement, target, false);
  }

  /** @param target the phase to move to; null for the phase after the current one */
  private Check check(Engagement engagement, Phase target, boolean record) {
    EngagementState state = states.of(engagement);
    Phase current = state.currentPhase() == null ? Phase.DISCOVERY : state.currentPhase();
    if (target == null) {
      target = current.next().orElse(Phase.COMPLETE);
    }
    PhaseProgress phaseProgress = progress.of(engagement, current, record);
    List<Blocker> blockers = new ArrayList<>();
    if (!state.status().active()) {
      blockers.add(new Blocker("engagement_status", "Engagement status",
          "the engagement is " + state.status().value()));
    } else if (state.status() == EngagementStatus.PAUSED) {
      blockers.add(new Blocker("engagement_status", "Engagement status", "the engagement is paused; resume it"));
    } else if (state.status() == EngagementStatus.PENDING_APPROVAL) {
      blockers.add(new Blocker("engagement_status", "Engagement status", "the kick-off approval is pending"));
    }
    if (target == current) {
      blockers.add(new Blocker("target_phase", "Target phase", "the engagement is already in " + current.value()));
    } else if (target.ordinal() > current.ordinal()) {
      Phase next = current.next().orElse(Phase.COMPLETE);
      if (target != next) {
        blockers.add(new Blocker("phase_order", "Phase order", "phases move one at a time: finish "
            + current.value() + " to reach " + next.value() + " (force skips phases)"));
      }
      phaseProgress.blockers().forEach(u -> blockers.add(new Blocker(u.requirement(), u.name(), u.description())));
    }
    return new Check(current, target, blockers.isEmpty(), blockers, phaseProgress);
  }

  public Result transition(Engagement engagement, Phase target, boolean force, String approvedBy, String notes,
      Caller caller) {
    EngagementState state = states.of(engagement);
    if (!state.status().active() || state.status() == EngagementStatus.PENDING_APPROVAL) {
      throw ApiException.conflict("the engagement is " + state.status().value() + "; it has no phase to leave");
    }
    if (state.status() == EngagementStatus.PAUSED) {
      throw ApiException.conflict("the engagement is paused; resume it first");
    }
    Phase current = state.currentPhase() == null ? Phase.DISCOVERY : state.currentPhase();
    if (target == current) {
      throw ApiException.conflict("the engagement is already in " + current.value());
    }
    boolean backward = target.ordinal() < current.ordinal();
    String actor = approvedBy == null || approvedBy.isBlank() ? caller.name() : approvedBy;
    if (force || backward) {
      caller.require(force ? Role.ADMIN : Role.APPROVER, force ? "A forced transition" : "A backward transition");
      List<Blocker> unmet = force ? check(engagement, target, true).blockers() : List.of();
      transactions.executeWithoutResult(s -> modify(engagement, current, target, force, actor, notes, caller, unmet));
      return new Result(true, current, states.of(engagement).currentPhase(), force, backward ? "backward" : "forward",
          null);
    }
    Check check = check(engagement, target, true);
    if (!check.ready()) {
      throw ApiException.conflict("the " + current.value() + " phase is not ready to move to " + target.value())
          .with("unmet", check.blockers())
          .with("remaining_approvals", check.progress().pendingApprovals());
    }
    String approvalId = advance(engagement, current, actor, notes, caller);
    Phase now = states.of(engagement).currentPhase();
    if (now == current) {
      throw ApiException.conflict("the " + current.value() + " gate is ready but the phase has not ended yet; "
          + "its sign-off is still being routed — try again");
    }
    transactions.executeWithoutResult(s -> audit.record(engagement.id(), "transition", caller.name(),
        details(current, target, false, actor, notes, List.of())));
    return new Result(true, current, now, false, "forward", approvalId);
  }

  /**
   * Lets a ready phase end now: wakes its gate if it waits for evidence (running the re-evaluation job here), then
   * approves its pending sign-off when the caller may approve.
   */
  private String advance(Engagement engagement, Phase current, String actor, String notes, Caller caller) {
    Optional<ProcessInstance> phase = states.runningPhaseInstance(engagement.id());
    if (phase.isEmpty()) {
      return null; // between phases: the lifecycle is already moving on
    }
    String phaseInstanceId = phase.get().getId();
    if (pendingSignOff(engagement, current, phaseInstanceId).isEmpty()) {
      transactions.executeWithoutResult(s -> evidence.notifyEvidence(engagement.id()));
      for (Job job : management.createJobQuery().processInstanceId(phaseInstanceId)
          .activityId(ProcessIds.CATCH_EVENT_EVIDENCE).list()) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException e) {
          // the job executor ran the same re-evaluation at the same moment; its result is what counts
        }
      }
    }
    Optional<Approval> signOff = pendingSignOff(engagement, current, phaseInstanceId);
    if (signOff.isEmpty()) {
      return null;
    }
    caller.require(Role.APPROVER, "Approving the " + current.value() + " sign-off");
    approvals.decide(signOff.get().id(), true, notes == null || notes.isBlank()
        ? "approved through a phase transition" : notes, actor);
    return signOff.get().id();
  }

  private Optional<Approval> pendingSignOff(Engagement engagement, Phase phase, String phaseInstanceId) {
    return approvalRecords.forEngagement(engagement.id()).stream()
        .filter(a -> a.status() == ApprovalStatus.PENDING && phase.value().equals(a.phase())
            && phaseInstanceId.equals(a.processInstanceId()))
        .findFirst();
  }

  /**
   * Moves the lifecycle to the target phase. It runs under the engagement's row lock, taken before any engine
   * command, and re-reads the state under it: of two concurrent transitions (or one against a pause or cancel) the
   * second sees what the first did and is refused with the engagement's current state.
   */
  private void modify(Engagement engagement, Phase current, Phase target, boolean force, String actor, String notes,
      Caller caller, List<Blocker> unmet) {
    engagementRows.lock(engagement.id());
    EngagementState now = states.of(engagement);
    Phase phaseNow = now.currentPhase() == null ? Phase.DISCOVERY : now.currentPhase();
    if (!now.status().active() || now.status() == EngagementStatus.PAUSED || phaseNow != current) {
      throw ApiException.conflict("the engagement changed meanwhile: it is " + now.status().value()
          + (now.currentPhase() == null ? "" : " in " + now.currentPhase().value()))
          .with("status", now.status().value())
          .with("current_phase", now.currentPhase() == null ? null : now.currentPhase().value());
    }
    String lifecycleId = engagement.processInstanceId();
    ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processInstanceId(lifecycleId).singleResult();
    String definitionId = lifecycle.getProcessDefinitionId();
    String targetActivity = target == Phase.COMPLETE ? ProcessIds.END_EVENT_COMPLETED
        : models.callActivityOf(definitionId, target).orElseThrow(() -> ApiException.conflict(
            "the deployed lifecycle has no call activity for phase-" + target.value()));
    String annotation = (force ? "forced" : "backward") + " transition " + current.value() + " -> " + target.value()
        + " by " + actor + (notes == null || notes.isBlank() ? "" : ": " + notes);
    ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(lifecycleId);
    if (target == Phase.COMPLETE) {
      // the end event completes the lifecycle only once nothing else runs in it: cancel first, then end
      cancelPhases(modification, lifecycleId, definitionId).startBeforeActivity(targetActivity);
    } else {
      // start the target phase before cancelling the current one (by instance id, so the new one is kept): the
      // lifecycle is never without a phase, and a target that fails to start leaves the engagement where it was
      cancelPhases(modification.startBeforeActivity(targetActivity), lifecycleId, definitionId);
    }
    try {
      modification.setAnnotation(annotation).execute(false, false);
    } catch (OptimisticLockingException e) {
      throw e;
    } catch (ProcessEngineException e) {
      // a deployed model failed while its phase was left or entered (a listener, an expression): nothing changed
      throw ApiException.conflict("the lifecycle cannot move from " + current.value() + " to " + target.value()
          + " (" + ProcessIds.LIFECYCLE + ", element " + targetActivity + "): a deployed model failed: "
          + e.getMessage())
          .with("model", ProcessIds.LIFECYCLE).with("element", targetActivity)
          .with("status", now.status().value()).with("current_phase", current.value());
    }
    audit.record(engagement.id(), force ? "transition.forced" : "transition.backward", caller.name(),
        details(current, target, force, actor, notes, unmet));
  }

  /**
   * Adds the cancellation of every phase call activity instance running or about to start (waiting in an async
   * continuation) in the lifecycle, by instance id.
   */
  private ProcessInstanceModificationBuilder cancelPhases(ProcessInstanceModificationBuilder modification,
      String lifecycleId, String definitionId) {
    List<String> phases = models.callActivities(definitionId);
    ActivityInstance tree = runtime.getActivityInstance(lifecycleId);
    for (String activityId : phases) {
      for (ActivityInstance instance : tree.getActivityInstances(activityId)) {
        modification.cancelActivityInstance(instance.getId());
      }
      for (TransitionInstance waiting : tree.getTransitionInstances(activityId)) {
        modification.cancelTransitionInstance(waiting.getId());
      }
    }
    return modification;
  }

  private static Map<String, Object> details(Phase from, Phase to, boolean forced, String approvedBy, String notes,
      List<Blocker> unmet) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", from.value());
    details.put("to", to.value());
    details.put("forced", forced);
    details.put("approved_by", approvedBy);
    details.put("notes", notes);
    if (!unmet.isEmpty()) {
      details.put("skipped_requirements", unmet.stream().map(Blocker::gateId).toList());
    }
    return details;
  }
}
