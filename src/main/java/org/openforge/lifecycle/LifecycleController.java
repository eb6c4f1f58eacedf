package org.openforge.lifecycle;

import org.openforge.engagement.EngagementStates;
import org.openforge.process.EngagementState;
import org.openforge.process.EngagementStatus;
import org.openforge.process.Phase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.AgentTaskRepository;
import org.openforge.agent.AgentTaskStatus;
import org.openforge.approval.ApprovalRepository;
import org.openforge.approval.ApprovalStatus;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementService;
import org.openforge.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/engagements/{id}")
@Tag(name = "Lifecycle", description = "Phases, quality gates, transitions and progress")
public class LifecycleController {

  private final EngagementService engagements;
  private final EngagementStates states;
  private final TransitionService transitions;
  private final PhaseProgressService progress;
  private final GatePassService gatePasses;
  private final GateService gates;
  private final GateCatalog catalog;
  private final AgentTaskRepository agentTasks;
  private final ApprovalRepository approvals;

  public LifecycleController(EngagementService engagements, EngagementStates states, TransitionService transitions,
      PhaseProgressService progress, GatePassService gatePasses, GateService gates, GateCatalog catalog,
      AgentTaskRepository agentTasks, ApprovalRepository approvals) {
    this.engagements = engagements;
    this.states = states;
    this.transitions = transitions;
    this.progress = progress;
    this.gatePasses = gatePasses;
    this.gates = gates;
    this.catalog = catalog;
    this.agentTasks = agentTasks;
    this.approvals = approvals;
  }

  public record GateRef(String gateId, String name, String description) {
    static GateRef of(GateCatalog.Requirement r) {
      return new GateRef(r.gateId(), r.name(), r.description());
    }
  }

  public record Evaluation(boolean ready, List<TransitionService.Blocker> blockers) {}

  public record RemainingWork(Phase phase, List<String> remainingOutputs, List<GateRef> remainingGates,
      List<PhaseProgress.ApprovalRef> remainingApprovals, int completionPercentage) {}

  public record TransitionCheck(Phase currentPhase, Phase targetPhase, Evaluation evaluation,
      RemainingWork remainingWork) {}

  public record PhaseStatus(Phase phase, List<String> outputsCompleted, List<String> gatesPassed,
      List<PhaseProgress.ApprovalRef> approvalsReceived, boolean isComplete, int completionPercentage,
      List<GateRef> remainingGates, List<PhaseProgress.ApprovalRef> pendingApprovals) {}

  public record PassGateRequest(@NotBlank @Size(max = 200) String validator, Map<String, Object> evidence) {}

  public record PassedGate(String gateId, String phase, String validator, Map<String, Object> evidence,
      String passedBy, OffsetDateTime passedAt, PhaseStatus phaseStatus) {}

  public record TransitionRequest(@NotNull Phase targetPhase, @Size(max = 200) String approvedBy, Boolean force,
      @Size(max = 2000) String notes) {}

  public record TaskCounts(long completed, long running, long pending, long failed) {}

  public record GateCounts(int passed, int remaining) {}

  public record ApprovalCounts(long pending) {}

  public record Usage(long inputTokens, long outputTokens, long modelCalls) {}

  public record Summary(String name, Phase currentPhase, EngagementStatus status, int progressPercent,
      TaskCounts tasks, GateCounts qualityGates, ApprovalCounts approvals, Usage usage) {}

  @GetMapping("/transition-check")
  @Operation(summary = "Check a phase transition", description = "Evaluates the current phase's gate DMN now.")
  public TransitionCheck transitionCheck(@PathVariable String id,
      @RequestParam(name = "target_phase", required = false) String targetPhase) {
    Engagement e = engagements.find(id);
    TransitionService.Check check = transitions.check(e, targetPhase == null ? null : Phase.parse(targetPhase));
    PhaseProgress p = check.progress();
    return new TransitionCheck(check.currentPhase(), check.targetPhase(), new Evaluation(check.ready(),
        check.blockers()),
        new RemainingWork(p.phase(), p.remainingOutputs(), p.remainingGates().stream().map(GateRef::of).toList(),
            p.pendingApprovals(), p.completionPercentage()));
  }

  @GetMapping("/phase-status")
  @Operation(summary = "Status of the current phase")
  public PhaseStatus phaseStatus(@PathVariable String id) {
    Engagement e = engagements.find(id);
    return phaseStatus(progress.of(e, currentPhase(e)));
  }

  @PostMapping("/quality-gates/{gateId}/pass")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Pass a quality gate by hand",
      description = "Stores validator and evidence; the gate DMN counts it. human_approval needs the approver role.")
  public PassedGate passGate(@PathVariable String id, @PathVariable String gateId,
      @Valid @RequestBody PassGateRequest request) {
    Engagement e = engagements.find(id);
    GatePass pass = gatePasses.pass(e, gateId, request.validator(), request.evidence(), Caller.current());
    return new PassedGate(pass.gateId(), pass.phase(), pass.validator(), pass.evidence(), pass.passedBy(),
        pass.createdAt(), phaseStatus(progress.of(e, currentPhase(e))));
  }

  @PostMapping("/transitions")
  @Operation(summary = "Transition to a phase",
      description = "Forward when the gate is ready (approving the pending sign-off when the caller may approve); "
          + "409 lists what is unmet. force needs the admin role; backward (rework) the approver role.")
  public TransitionService.Result transition(@PathVariable String id, @Valid @RequestBody TransitionRequest request) {
    Engagement e = engagements.find(id);
    return transitions.transition(e, request.targetPhase(), Boolean.TRUE.equals(request.force()),
        request.approvedBy(), request.notes(), Caller.current());
  }

  @GetMapping("/summary")
  @Operation(summary = "Engagement summary", description = "Progress, task counts, gates and pending approvals.")
  public Summary summary(@PathVariable String id) {
    Engagement e = engagements.find(id);
    EngagementState state = states.of(e);
    Phase current = state.currentPhase() == null ? Phase.DISCOVERY : state.currentPhase();
    int passed = 0;
    int remaining = 0;
    int percent;
    if (state.status() == EngagementStatus.COMPLETED) {
      for (Phase p : Phase.values()) {
        passed += p.isWorkPhase() ? catalog.requirements(p).size() : 0;
      }
      percent = 100;
    } else {
      PhaseProgress p = progress.of(e, current);
      for (Phase phase : Phase.values()) {
        if (!phase.isWorkPhase()) {
          continue;
        }
        int size = catalog.requirements(phase).size();
        if (phase.ordinal() < current.ordinal()) {
          passed += size;
        } else if (phase.ordinal() > current.ordinal()) {
          remaining += size;
        }
      }
      passed += p.gatesPassed().size();
      remaining += p.remainingGates().size();
      int phases = Phase.values().length - 1;
      percent = e.submitted() ? (int) Math.round((current.ordinal() + p.completionPercentage() / 100.0) * 100 / phases)
          : 0;
    }
    Map<AgentTaskStatus, Long> counts = new EnumMap<>(AgentTaskStatus.class);
    counts.putAll(agentTasks.countsByStatus(id));
    TaskCounts tasks = new TaskCounts(counts.getOrDefault(AgentTaskStatus.COMPLETED, 0L),
        counts.getOrDefault(AgentTaskStatus.RUNNING, 0L) + counts.getOrDefault(AgentTaskStatus.WAITING_APPROVAL, 0L),
        counts.getOrDefault(AgentTaskStatus.PENDING, 0L), counts.getOrDefault(AgentTaskStatus.FAILED, 0L));
    long[] usage = agentTasks.usage(id);
    return new Summary(e.name(), state.currentPhase(), state.status(), percent, tasks,
        new GateCounts(passed, remaining), new ApprovalCounts(approvals.count(id, ApprovalStatus.PENDING.value(), null)),
        new Usage(usage[0], usage[1], usage[2]));
  }

  @GetMapping("/gate-evaluations")
  @Operation(summary = "Gate evaluations", description = "The stored evaluations, newest first: inputs and unmet items.")
  public List<GateEvaluation> gateEvaluations(@PathVariable String id,
      @RequestParam(required = false, defaultValue = "50") int limit) {
    engagements.find(id);
    return gates.history(id, Math.max(1, Math.min(limit, 500)));
  }

  private Phase currentPhase(Engagement e) {
    Phase phase = states.of(e).currentPhase();
    return phase == null ? Phase.DISCOVERY : phase;
  }

  private static PhaseStatus phaseStatus(PhaseProgress p) {
    return new PhaseStatus(p.phase(), p.outputsCompleted(),
        p.gatesPassed().stream().map(GateCatalog.Requirement::gateId).toList(), p.approvalsReceived(), p.complete(),
        p.completionPercentage(), p.remainingGates().stream().map(GateRef::of).toList(), p.pendingApprovals());
  }
}
