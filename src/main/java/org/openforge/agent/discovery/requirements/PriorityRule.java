package org.openforge.agent.discovery.requirements;

import java.util.Optional;
import org.openforge.agent.discovery.text.Moscow;
import org.openforge.engagement.Priority;

/**
 * MoSCoW priority of a statement: a priority given in input, else the statement's own wording ("must", "should",
 * "nice to have"), else its list's lead-in ("We need to:"), else by origin — the objective is a must, reviewer
 * feedback is a must, initial requirements follow the engagement priority (critical/high must, medium should, low
 * could), other description sentences are shoulds (musts on a critical engagement).
 */
final class PriorityRule {

  /** A priority and why. */
  record Decision(Moscow priority, String rationale) {}

  private PriorityRule() {}

  static Decision decide(Statement s, Priority engagementPriority) {
    if (s.givenPriority() != null) {
      return new Decision(s.givenPriority(), "priority given in " + s.sentence().field());
    }
    Optional<Moscow.Cue> own = Moscow.detect(s.text());
    if (own.isPresent()) {
      return new Decision(own.get().priority(), "wording '" + own.get().words() + "'");
    }
    Optional<Moscow.Cue> leadIn = Moscow.detect(s.sentence().leadIn());
    if (leadIn.isPresent()) {
      return new Decision(leadIn.get().priority(),
          "wording '" + leadIn.get().words() + "' in the lead-in '" + s.sentence().leadIn() + "'");
    }
    return switch (s.origin()) {
      case OBJECTIVE -> new Decision(Moscow.MUST, "part of the engagement objective");
      case REVIEWER_FEEDBACK -> new Decision(Moscow.MUST, "raised by the reviewer when rejecting the sign-off");
      case INITIAL_REQUIREMENT, REQUIREMENT -> new Decision(fromEngagement(engagementPriority),
          "engagement priority '" + engagementPriority.value() + "' (no priority wording)");
      case DESCRIPTION -> engagementPriority == Priority.CRITICAL
          ? new Decision(Moscow.MUST, "engagement priority 'critical' (no priority wording)")
          : new Decision(Moscow.SHOULD, "described without priority wording");
    };
  }

  private static Moscow fromEngagement(Priority p) {
    return switch (p) {
      case CRITICAL, HIGH -> Moscow.MUST;
      case MEDIUM -> Moscow.SHOULD;
      case LOW -> Moscow.COULD;
    };
  }
}
