package org.openforge.agent.discovery.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A recurring period named in text ("weekly reports", "refreshed every day"), with its length. */
public enum Cadence {
  HOURLY("hourly", "hour", 3_600, "hourly|every hour|each hour|once an hour"),
  DAILY("daily", "day", 86_400, "daily|nightly|every day|each day|every night|once a day|per day"),
  WEEKLY("weekly", "week", 604_800, "weekly|every week|each week|once a week|per week"),
  MONTHLY("monthly", "month", 2_592_000, "monthly|every month|each month|once a month|per month|month[- ]end"),
  QUARTERLY("quarterly", "quarter", 7_776_000, "quarterly|every quarter|each quarter|per quarter|quarter[- ]end"),
  YEARLY("yearly", "year", 31_536_000, "yearly|annual|annually|every year|each year|per year|year[- ]end");

  private final String value;
  private final String period;
  private final long seconds;
  private final Pattern pattern;

  Cadence(String value, String period, long seconds, String words) {
    this.value = value;
    this.period = period;
    this.seconds = seconds;
    this.pattern = Pattern.compile("(?i)(?<![\\w-])(?:" + words + ")(?![\\w-])");
  }

  /** The adverb: "weekly". */
  public String value() {
    return value;
  }

  /** The period noun: "week". */
  public String period() {
    return period;
  }

  public long seconds() {
    return seconds;
  }

  /** A cadence found in text and the words that named it. */
  public record Match(Cadence cadence, String text, int start) {}

  /** The first cadence named in the text. */
  public static Optional<Match> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Match best = null;
    for (Cadence c : values()) {
      Matcher m = c.pattern.matcher(text);
      if (m.find() && (best == null || m.start() < best.start())) {
        best = new Match(c, m.group(), m.start());
      }
    }
    return Optional.ofNullable(best);
  }
}
