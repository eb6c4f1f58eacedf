package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Quality;
import org.openforge.agent.discovery.text.Quantity;

/**
 * Data freshness: "24-hour data freshness", "data no older than 2 hours", "refreshed every 15 minutes", "daily
 * refresh", "updated nightly" → the maximum age of the data; "up-to-date data" without a figure is an open question.
 */
final class FreshnessDetector implements QualityDetector {

  private static final String T = TimePatterns.MID;
  private static final List<Pattern> WITH_FIGURE = List.of(
      Pattern.compile("(?i)(" + T + ")\\s+(?:data\\s+)?(?:freshness|refresh(?:\\s+(?:cycle|rate|interval))?"
          + "|update cycle|data latency|latency of (?:the )?data)\\b"),
      Pattern.compile("(?i)\\b(?:data\\s+)?(?:freshness|staleness|data age)\\s+(?:(?:must|should|shall|needs? to"
          + "|has to|will)\\s+)?(?:be\\s+)?(?:of\\s+)?(?:within|under|below|<=|≤|<|no more than|at most|less than|of)?"
          + "\\s*(" + T + ")"),
      Pattern.compile("(?i)\\b(?:no|not)\\s+(?:more than\\s+)?older\\s+than\\s+(" + T + ")"),
      Pattern.compile("(?i)\\bat most\\s+(" + T + ")\\s+old\\b"),
      Pattern.compile("(?i)\\b(?:refresh(?:ed|es)?|updated?|reloaded?|synced?|synchroni[sz]ed|loaded"
          + "|recalculated)\\s+(?:at least\\s+)?(?:every|each|once every|within)\\s+(" + T + ")"));
  private static final Pattern CADENCE = Pattern.compile("(?i)\\b(?:(hourly|daily|nightly|weekly)\\s+(?:data\\s+)?"
      + "(?:refresh(?:es)?|updates?|loads?|batch(?:es)?|syncs?)|(?:refresh(?:ed|es)?|update[ds]?|reload(?:ed|s)?"
      + "|load(?:ed|s)?|sync(?:ed|s)?)\\s+(?:[\\w-]+\\s+){0,3}?(hourly|daily|nightly|weekly|overnight"
      + "|every (?:hour|day|night|week)|once a (?:day|week)))\\b");
  private static final Pattern VAGUE = Pattern.compile("(?i)\\b(up[- ]to[- ]date|fresh data|current data"
      + "|latest data|data freshness|freshness)\\b");

  @Override
  public List<QualityFinding> detect(String text) {
    List<QualityFinding> out = new ArrayList<>();
    for (Pattern p : WITH_FIGURE) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        out.add(finding(TimePatterns.duration(m.group(1)), m.start(), m.end()));
        return out;
      }
    }
    Matcher c = CADENCE.matcher(text);
    if (c.find()) {
      String word = (c.group(1) != null ? c.group(1) : c.group(2)).toLowerCase(Locale.ROOT);
      Quantity period = word.contains("hour") ? new Quantity(1, "hour", Quantity.Kind.TIME, word)
          : word.contains("week") ? new Quantity(7, "day", Quantity.Kind.TIME, word)
          : new Quantity(24, "hour", Quantity.Kind.TIME, word);
      out.add(finding(period, c.start(), c.end()));
      return out;
    }
    Matcher v = VAGUE.matcher(text);
    if (v.find()) {
      out.add(new QualityFinding(Quality.FRESHNESS, "Data freshness", "show up-to-date data (maximum age to agree)",
          null, List.of(
              "Given a record is created or changed in a source system, when the next scheduled load has run, then"
                  + " the change is visible in {scope} no later than the agreed maximum data age.",
              "{Scope} shows the as-of time of its data."),
          List.of("How fresh must the data in {scope} be ('" + v.group(1) + "' gives no figure): minutes, hourly,"
              + " or by the next morning (daily load)?"), v.start(), v.end()));
    }
    return out;
  }

  private static QualityFinding finding(Quantity age, int start, int end) {
    String q = age.display();
    return new QualityFinding(Quality.FRESHNESS, "Data freshness", "show data no older than " + q,
        TimePatterns.atMost("max_data_age", age), List.of(
            "Given a record is created or changed in a source system, when the next scheduled load has run, then"
                + " the change is visible in {scope} no later than " + q + " after it was made.",
            "At any time, the time since the last successful load is at most " + q + "; a freshness check alerts"
                + " the data team when it is exceeded.",
            "{Scope} shows the as-of time of its data."),
        List.of(), start, end);
  }
}
