package org.openforge.agent.build.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.build.RequirementTargets;

/**
 * The pipeline's schedule: {@code input_data.schedule} when given (a cron expression or macro), else the least
 * frequent of hourly, every six hours and daily that runs at least twice within the freshness requirement's
 * {@code max_data_age}, else hourly.
 */
final class ScheduleChoice {

  /** The cron and how the spec describes it. */
  record Choice(Cron cron, PipelineSpec.Schedule schedule) {}

  private ScheduleChoice() {}

  static Choice choose(Object input, Optional<RequirementTargets.TimeTarget> freshness) {
    Cron cron;
    String source;
    if (input != null && !input.toString().isBlank()) {
      try {
        cron = Cron.parse(input.toString());
      } catch (IllegalArgumentException e) {
        throw new AgentDeclinedException("input_data.schedule '" + input + "' is not a valid cron expression: "
            + e.getMessage());
      }
      source = "input_data.schedule";
    } else if (freshness.isPresent()) {
      Duration limit = freshness.get().limit();
      String expression = limit.compareTo(Duration.ofHours(48)) >= 0 ? "0 0 * * *"
          : limit.compareTo(Duration.ofHours(12)) >= 0 ? "0 */6 * * *" : "0 * * * *";
      cron = Cron.parse(expression);
      source = "requirements (max_data_age " + freshness.get().display() + ")";
    } else {
      cron = Cron.parse("0 * * * *");
      source = "default (no schedule in input_data and no freshness requirement)";
    }
    Duration gap = cron.longestGap();
    Boolean meets = freshness.map(f -> gap.compareTo(f.limit()) <= 0).orElse(null);
    return new Choice(cron, new PipelineSpec.Schedule(cron.expression(), "UTC", cron.describe(), source,
        gap.toMinutes(), meets));
  }

  static Map<String, Object> describe(Optional<RequirementTargets.TimeTarget> freshness) {
    if (freshness.isEmpty()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requirement_id", freshness.get().requirementId());
    m.put("max_data_age", freshness.get().display());
    m.put("max_data_age_minutes", freshness.get().limit().toMinutes());
    m.put("assumed", freshness.get().assumed());
    return m;
  }
}
