package org.openforge.lifecycle;

import org.openforge.process.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openforge.approval.Approval;
import org.openforge.approval.ApprovalRepository;
import org.openforge.approval.ApprovalStatus;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.Engagement;
import org.springframework.stereotype.Service;

/** Computes phase progress from a fresh gate evaluation, the artifacts and the approvals. */
@Service
public class PhaseProgressService {

  private final GateService gates;
  private final GateCatalog catalog;
  private final ArtifactService artifacts;
  private final ApprovalRepository approvals;

  public PhaseProgressService(GateService gates, GateCatalog catalog, ArtifactService artifacts,
      ApprovalRepository approvals) {
    this.gates = gates;
    this.catalog = catalog;
    this.artifacts = artifacts;
    this.approvals = approvals;
  }

  /** Progress for a read: the gate is evaluated without storing anything. */
  public PhaseProgress of(Engagement engagement, Phase phase) {
    return of(engagement, phase, false);
  }

  /** @param record whether the gate evaluation is stored (when a transition is decided on it) */
  public PhaseProgress of(Engagement engagement, Phase phase, boolean record) {
    if (!phase.isWorkPhase()) {
      return new PhaseProgress(phase, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          true, 100, null);
    }
    GateEvaluation evaluation = record ? gates.check(engagement.id(), phase) : gates.preview(engagement.id(), phase);
    Set<String> produced = artifacts.list(engagement.id()).stream().map(Artifact::kind).collect(Collectors.toSet());
    List<String> done = phase.outputs().stream().filter(produced::contains).toList();
    List<String> remaining = phase.outputs().stream().filter(k -> !produced.contains(k)).toList();
    List<GateCatalog.Requirement> requirements = catalog.requirements(phase);
    List<GateCatalog.Requirement> passed = new ArrayList<>();
    List<GateCatalog.Requirement> open = new ArrayList<>();
    for (GateCatalog.Requirement r : requirements) {
      (evaluation.isUnmet(r.gateId()) ? open : passed).add(r);
    }
    // requirements a modeler added to the DMN that the catalog does not list yet
    for (GateEvaluation.Unmet u : evaluation.unmet()) {
      if (!GateCatalog.REWORK.equals(u.requirement())
          && requirements.stream().noneMatch(r -> r.gateId().equals(u.requirement()))) {
        open.add(new GateCatalog.Requirement(u.requirement(), u.name(), u.description()));
      }
    }
    List<PhaseProgress.ApprovalRef> received = new ArrayList<>();
    List<PhaseProgress.ApprovalRef> pending = new ArrayList<>();
    for (Approval a : approvals.forEngagement(engagement.id())) {
      if (!phase.value().equals(a.phase())) {
        continue;
      }
      PhaseProgress.ApprovalRef ref = new PhaseProgress.ApprovalRef(a.id(), a.type().value(), a.status().value(),
          a.decidedBy(), a.title());
      if (a.status() == ApprovalStatus.APPROVED) {
        received.add(ref);
      } else if (a.status() == ApprovalStatus.PENDING) {
        pending.add(ref);
      }
    }
    int total = passed.size() + open.size();
    int percentage = total == 0 ? 100 : (int) Math.round(100.0 * passed.size() / total);
    return new PhaseProgress(phase, done, remaining, passed, open, evaluation.blockers(), received, pending,
        open.isEmpty() && evaluation.blockers().isEmpty(), percentage, evaluation);
  }
}
