package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Requirements that pull against each other. A latency target (real-time) shorter than the freshness target of a
 * batch load cannot both hold for the same data: the requirements are flagged and the question goes to the
 * stakeholders.
 */
final class Tensions {

  /** Two requirements in tension and the question it raises. */
  record Tension(RequirementDraft a, RequirementDraft b, String question) {}

  private Tensions() {}

  static List<Tension> find(List<RequirementDraft> requirements) {
    List<Tension> out = new ArrayList<>();
    Optional<RequirementDraft> latency = first(requirements, "latency");
    Optional<RequirementDraft> freshness = first(requirements, "freshness");
    if (latency.isPresent() && freshness.isPresent() && latency.get().target != null
        && freshness.get().target != null && Deduplicator.stricter(latency.get().target, freshness.get().target)) {
      RequirementDraft l = latency.get();
      RequirementDraft f = freshness.get();
      String note = "tension: latency " + l.target.display() + " (\"" + l.statements.get(0).text() + "\") versus"
          + " data freshness " + f.target.display() + " (\"" + f.statements.get(0).text() + "\"); a batch load on"
          + " the freshness schedule cannot meet the latency target";
      l.notes.add(note);
      f.notes.add(note);
      String latencyTarget = l.target.display().replace(" (assumed)", "") + (l.target.assumed() ? ", assumed" : "");
      out.add(new Tension(l, f, "Real-time (" + latencyTarget + ") and a data freshness of "
          + f.target.display() + " conflict: is real-time needed for all data or only for some figures (e.g. today's"
          + " transactions), with the rest loaded in batch? Streaming costs more to build and run."));
    }
    return out;
  }

  private static Optional<RequirementDraft> first(List<RequirementDraft> requirements, String category) {
    return requirements.stream().filter(c -> c.category.equals(category)).findFirst();
  }
}
