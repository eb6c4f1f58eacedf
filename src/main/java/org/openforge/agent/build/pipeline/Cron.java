package org.openforge.agent.build.pipeline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A standard five-field cron expression (minute hour day-of-month month day-of-week) as Dagster schedules take it:
 * numbers, {@code *}, ranges, steps, lists, month and weekday names, and the macros {@code @hourly},
 * {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly} (also without the {@code @}). The longest gap
 * between two runs is found by walking a year minute by minute.
 */
public record Cron(String expression, BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays,
    boolean anyDay, boolean anyWeekday) {

  private static final Map<String, String> MACROS = Map.of("@hourly", "0 * * * *", "@daily", "0 0 * * *",
      "@midnight", "0 0 * * *", "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *",
      "@annually", "0 0 1 1 *");
  private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
      "oct", "nov", "dec");
  private static final List<String> WEEKDAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  /** Parses an expression; throws IllegalArgumentException saying what is wrong. */
  public static Cron parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the schedule is empty");
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    String expanded = MACROS.getOrDefault(t, MACROS.getOrDefault("@" + t, text.strip()));
    String[] f = expanded.split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("'" + text + "' has " + f.length + " fields; a cron expression has five: "
          + "minute hour day-of-month month day-of-week");
    }
    BitSet minutes = field(f[0], 0, 59, List.of(), "minute");
    BitSet hours = field(f[1], 0, 23, List.of(), "hour");
    BitSet days = field(f[2], 1, 31, List.of(), "day of month");
    BitSet months = field(f[3], 1, 12, MONTHS, "month");
    BitSet weekdays = field(f[4], 0, 7, WEEKDAYS, "day of week");
    if (weekdays.get(7)) {
      weekdays.set(0);
      weekdays.clear(7);
    }
    return new Cron(String.join(" ", f), minutes, hours, days, months, weekdays, f[2].equals("*") || f[2].equals("?"),
        f[4].equals("*") || f[4].equals("?"));
  }

  private static BitSet field(String text, int min, int max, List<String> names, String what) {
    BitSet set = new BitSet();
    for (String part : text.split(",")) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(part.substring(slash + 1), 1, max, List.of(), what + " step", 0);
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max == 7 ? 6 : max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", 2);
        from = number(ends[0], min, max, names, what, min);
        to = number(ends[1], min, max, names, what, min);
        if (to < from) {
          throw new IllegalArgumentException("the " + what + " range " + range + " runs backwards");
        }
      } else {
        from = number(range, min, max, names, what, min);
        to = slash >= 0 ? (max == 7 ? 6 : max) : from;
      }
      for (int v = from; v <= to; v += step) {
        set.set(v);
      }
    }
    return set;
  }

  private static int number(String text, int min, int max, List<String> names, String what, int nameBase) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    int named = names.indexOf(t);
    if (named >= 0) {
      return named + nameBase;
    }
    try {
      int v = Integer.parseInt(t);
      if (v < min || v > max) {
        throw new IllegalArgumentException("the " + what + " " + v + " is outside " + min + "-" + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid " + what);
    }
  }

  /** Whether the schedule fires at this minute (standard cron: day of month OR day of week when both are set). */
  public boolean fires(LocalDateTime t) {
    if (!minutes.get(t.getMinute()) || !hours.get(t.getHour()) || !months.get(t.getMonthValue())) {
      return false;
    }
    boolean dom = days.get(t.getDayOfMonth());
    boolean dow = weekdays.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
    if (anyDay && anyWeekday) {
      return true;
    }
    if (anyDay) {
      return dow;
    }
    if (anyWeekday) {
      return dom;
    }
    return dom || dow;
  }

  /** The longest time between two consecutive runs over a year (2025, wrapping into 2026). */
  public Duration longestGap() {
    LocalDateTime start = LocalDateTime.of(2025, 1, 1, 0, 0);
    LocalDateTime end = start.plusYears(1).plusDays(31);
    LocalDateTime previous = null;
    Duration longest = Duration.ZERO;
    for (LocalDateTime t = start; t.isBefore(end); t = t.plusMinutes(1)) {
      if (fires(t)) {
        if (previous != null) {
          Duration gap = Duration.between(previous, t);
          if (gap.compareTo(longest) > 0) {
            longest = gap;
          }
        }
        previous = t;
      }
    }
    return previous == null ? Duration.ofDays(366) : longest;
  }

  /** A few words on how often it runs: "every hour at minute 0". */
  public String describe() {
    String[] f = expression.split(" ");
    if (f[1].equals("*") && f[2].equals("*") && f[3].equals("*") && f[4].equals("*") && minutes.cardinality() == 1) {
      return "every hour at minute " + minutes.nextSetBit(0);
    }
    if (f[2].equals("*") && f[3].equals("*") && f[4].equals("*") && minutes.cardinality() == 1
        && hours.cardinality() == 1) {
      return String.format("every day at %02d:%02d", hours.nextSetBit(0), minutes.nextSetBit(0));
    }
    Duration gap = longestGap();
    return "at most " + human(gap) + " between runs (" + expression + ")";
  }

  static String human(Duration d) {
    if (d.toMinutes() < 60) {
      return d.toMinutes() + " minutes";
    }
    if (d.toMinutes() % 60 == 0 && d.toHours() < 48) {
      return d.toHours() + " hours";
    }
    if (d.toHours() % 24 == 0) {
      return d.toDays() + " days";
    }
    return d.toHours() + " hours " + d.toMinutesPart() + " minutes";
  }
}
