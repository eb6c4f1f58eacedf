package org.openforge.lifecycle;

import org.openforge.process.Phase;
import java.util.List;

/**
 * How far a phase is: the outputs (artifact kinds) it produced, the gate requirements met and unmet, the approvals
 * received and still pending, and the share of requirements met.
 */
public record PhaseProgress(Phase phase, List<String> outputsCompleted, List<String> remainingOutputs,
    List<GateCatalog.Requirement> gatesPassed, List<GateCatalog.Requirement> remainingGates,
    List<GateEvaluation.Unmet> blockers, List<ApprovalRef> approvalsReceived, List<ApprovalRef> pendingApprovals,
    boolean complete, int completionPercentage, GateEvaluation evaluation) {

  /** An approval as phase status shows it. */
  public record ApprovalRef(String id, String type, String status, String decidedBy, String title) {}
}
