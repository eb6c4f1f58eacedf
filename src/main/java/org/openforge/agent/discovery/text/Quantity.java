package org.openforge.agent.discovery.text;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A number with its unit found in text: "24-hour" (24 hours), "99.9% uptime", "10 million rows", "500 GB".
 *
 * @param value the number in the canonical unit (a count of 10 million is 10,000,000)
 * @param unit canonical unit: {@code millisecond, second, minute, hour, day, week, month, year, percent}, a byte
 *     unit ({@code GB}) or a counted noun ({@code row}, {@code user}, ...)
 * @param kind what the number measures
 * @param text the text as written
 */
public record Quantity(double value, String unit, Kind kind, String text) {

  public enum Kind { TIME, PERCENT, SIZE, COUNT }

  /** Seconds of a time quantity (months are 30 days, years 365 days). */
  public double seconds() {
    if (kind != Kind.TIME) {
      throw new IllegalStateException("not a duration: " + text);
    }
    return value * switch (unit) {
      case "millisecond" -> 0.001;
      case "second" -> 1;
      case "minute" -> 60;
      case "hour" -> 3600;
      case "day" -> 86_400;
      case "week" -> 604_800;
      case "month" -> 2_592_000;
      case "year" -> 31_536_000;
      default -> throw new IllegalStateException("unknown time unit " + unit);
    };
  }

  /** Hours of a time quantity. */
  public double hours() {
    return seconds() / 3600;
  }

  /** The quantity in plain words: "24 hours", "99.9%", "10 million rows", "500 GB". */
  public String display() {
    return switch (kind) {
      case PERCENT -> number(value) + "%";
      case SIZE -> number(value) + " " + unit;
      case TIME -> number(value) + " " + (value == 1 ? unit : unit + "s");
      case COUNT -> count(value) + " " + (value == 1 ? unit : plural(unit));
    };
  }

  /** ISO-8601 duration of a time quantity: PT24H, P7D, P1Y... */
  public String iso() {
    String n = number(value);
    return switch (unit) {
      case "millisecond" -> "PT" + number(value / 1000) + "S";
      case "second" -> "PT" + n + "S";
      case "minute" -> "PT" + n + "M";
      case "hour" -> "PT" + n + "H";
      case "day" -> "P" + n + "D";
      case "week" -> "P" + n + "W";
      case "month" -> "P" + n + "M";
      case "year" -> "P" + n + "Y";
      default -> throw new IllegalStateException("not a duration: " + text);
    };
  }

  public static String number(double v) {
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  private static String count(double v) {
    if (v >= 1_000_000_000 && v % 1_000_000_000 == 0) {
      return number(v / 1_000_000_000) + " billion";
    }
    if (v >= 1_000_000 && v % 100_000 == 0) {
      return number(v / 1_000_000) + " million";
    }
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : number(v);
  }

  private static String plural(String noun) {
    if (noun.endsWith("y") && !noun.endsWith("ey")) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun.endsWith("s") || noun.endsWith("x") ? noun + "es" : noun + "s";
  }
}
