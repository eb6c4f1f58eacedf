package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Quality;
import org.openforge.agent.discovery.text.Quantity;

/**
 * Availability: "99.9% uptime" (with the downtime it allows per 30-day month), "available 24/7", "during business
 * hours"; "highly available" alone is an open question.
 */
final class AvailabilityDetector implements QualityDetector {

  private static final Pattern PERCENT_FIRST = Pattern.compile("(?i)\\b(\\d{2}(?:\\.\\d+)?)\\s*%\\s*(?:uptime"
      + "|availability|available|sla)\\b");
  private static final Pattern PERCENT_AFTER = Pattern.compile("(?i)\\b(?:uptime|availability|sla|available)\\s+"
      + "(?:of\\s+|at least\\s+|>=?\\s*|≥\\s*|of at least\\s+)?(\\d{2}(?:\\.\\d+)?)\\s*%");
  private static final Pattern ALWAYS = Pattern.compile("(?i)(24/7|24x7|around the clock|always (?:available|on))");
  private static final Pattern HOURS = Pattern.compile("(?i)\\b(business hours|working hours|office hours)\\b");
  private static final Pattern VAGUE = Pattern.compile("(?i)\\b(highly available|high availability|availability"
      + "|uptime)\\b");

  @Override
  public List<QualityFinding> detect(String text) {
    List<QualityFinding> out = new ArrayList<>();
    Matcher m = PERCENT_FIRST.matcher(text);
    if (!m.find()) {
      m = PERCENT_AFTER.matcher(text);
      if (!m.find()) {
        m = null;
      }
    }
    if (m != null) {
      double percent = Double.parseDouble(m.group(1));
      String p = Quantity.number(percent) + "%";
      out.add(new QualityFinding(Quality.AVAILABILITY, "Availability", "be available " + p + " of the time",
          new Target("monthly_availability", ">=", percent, "percent", "≥ " + p, null, false), List.of(
              "Monthly availability of {scope} is at least " + p + ": at most " + downtime(percent)
                  + " of unplanned downtime in a 30-day month, measured by an external probe every minute.",
              "Planned maintenance is announced at least 48 hours ahead and falls outside business hours."),
          List.of(), m.start(), m.end()));
      return out;
    }
    Matcher always = ALWAYS.matcher(text);
    if (always.find()) {
      out.add(new QualityFinding(Quality.AVAILABILITY, "Availability", "be available " + always.group(1),
          new Target("service_hours", "=", null, null, "24 hours a day, 7 days a week", null, false), List.of(
              "{Scope} is reachable at any hour of any day, measured by an external probe every minute; monthly"
                  + " availability meets the agreed percentage."),
          List.of("What availability percentage does '" + always.group(1) + "' mean for {scope} (e.g. 99.5%), and"
              + " which maintenance windows are allowed?"), always.start(), always.end()));
      return out;
    }
    Matcher hours = HOURS.matcher(text);
    if (hours.find()) {
      out.add(new QualityFinding(Quality.AVAILABILITY, "Availability", "be available during " + hours.group(1),
          new Target("service_hours", "=", null, null, hours.group(1), null, false), List.of(
              "{Scope} is reachable throughout the agreed " + hours.group(1) + ", measured by an external probe."),
          List.of("Which hours and time zones make up '" + hours.group(1) + "' for {scope}?"), hours.start(),
          hours.end()));
      return out;
    }
    Matcher vague = VAGUE.matcher(text);
    if (vague.find()) {
      out.add(new QualityFinding(Quality.AVAILABILITY, "Availability", "be highly available (target to agree)",
          null, List.of("Monthly availability of {scope} meets the agreed percentage, measured by an external"
              + " probe every minute."),
          List.of("What availability is required for {scope} (e.g. 99.5% or 99.9% per month)?"), vague.start(),
          vague.end()));
    }
    return out;
  }

  /** The downtime a monthly availability allows in a 30-day month. */
  static String downtime(double percent) {
    double minutes = (100 - percent) / 100 * 30 * 24 * 60;
    if (minutes < 120) {
      return Quantity.number(Math.round(minutes * 10) / 10.0) + " minutes";
    }
    return Quantity.number(Math.round(minutes / 60 * 10) / 10.0) + " hours";
  }
}
