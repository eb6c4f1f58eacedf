package org.openforge.agent.build;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.discovery.requirements.Requirement;
import org.openforge.agent.discovery.requirements.RequirementsDocument;
import org.openforge.agent.discovery.requirements.Target;
import org.openforge.engagement.Artifact;

/**
 * Measurable targets of the requirements document (artifact kind {@code requirements_document}): a non-functional
 * requirement's {@code target} with {@code metric} such as {@code max_data_age} or {@code response_time_p95} and an
 * ISO-8601 duration.
 */
public final class RequirementTargets {

  public static final String KIND = "requirements_document";

  /** A time target and the requirement it comes from. */
  public record TimeTarget(String requirementId, String metric, Duration limit, String display, boolean assumed) {}

  private RequirementTargets() {}

  /** The target; a document that is not JSON has none, which the run's progress says. */
  public static Optional<TimeTarget> time(AgentContext context, BuildJson json, String metric) {
    Optional<Artifact> document = context.latest(KIND);
    if (document.isEmpty()) {
      return Optional.empty();
    }
    RequirementsDocument root;
    try {
      root = json.read(document.get().content(), RequirementsDocument.class);
    } catch (IllegalArgumentException e) {
      context.progress("requirements", "the requirements document " + document.get().name() + " is not JSON ("
          + e.getMessage() + "); its targets are not used");
      return Optional.empty();
    }
    return time(root, metric);
  }

  static Optional<TimeTarget> time(RequirementsDocument root, String metric) {
    for (Requirement r : root.nonFunctional() == null ? List.<Requirement>of() : root.nonFunctional()) {
      Target t = r.target();
      if (t != null && metric.equals(t.metric()) && t.iso() != null) {
        try {
          return Optional.of(new TimeTarget(r.id(), metric, Duration.parse(t.iso()), t.display(), t.assumed()));
        } catch (DateTimeParseException e) {
          throw new AgentDeclinedException("requirement " + r.id() + " has the target duration '" + t.iso()
              + "', which is no ISO-8601 duration; fix the requirements document");
        }
      }
    }
    return Optional.empty();
  }
}
