package org.openforge.lifecycle;

import org.openforge.process.Phase;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of a phase gate: the evidence it saw, what the DMN listed as unmet, and whether the phase was ready
 * (no blocking requirement unmet). {@code origin} is {@code process} (the phase's business rule task) or {@code check}
 * (an API call such as transition-check).
 */
public record GateEvaluation(String id, String engagementId, Phase phase, String origin, String processInstanceId,
    Map<String, Object> inputs, List<Unmet> unmet, boolean ready, OffsetDateTime evaluatedAt) {

  /** A requirement the gate lists as unmet; {@code blocking} ones keep the phase from its sign-off. */
  public record Unmet(String requirement, String name, String description, boolean blocking) {}

  public List<Unmet> blockers() {
    return unmet.stream().filter(Unmet::blocking).toList();
  }

  public boolean isUnmet(String requirement) {
    return unmet.stream().anyMatch(u -> u.requirement().equals(requirement));
  }
}
