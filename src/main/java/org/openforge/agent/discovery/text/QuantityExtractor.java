package org.openforge.agent.discovery.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds numbers with units in text: durations, percentages, data sizes and counts of things. */
public final class QuantityExtractor {

  private static final Map<String, Double> WORD_NUMBERS = Map.ofEntries(Map.entry("a", 1.0), Map.entry("an", 1.0),
      Map.entry("one", 1.0), Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0),
      Map.entry("five", 5.0), Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0),
      Map.entry("nine", 9.0), Map.entry("ten", 10.0), Map.entry("eleven", 11.0), Map.entry("twelve", 12.0),
      Map.entry("fifteen", 15.0), Map.entry("twenty", 20.0), Map.entry("twenty-four", 24.0),
      Map.entry("thirty", 30.0), Map.entry("forty-five", 45.0), Map.entry("sixty", 60.0),
      Map.entry("ninety", 90.0));

  // a word number must be followed by a space or hyphen: "as" is not "a s(econd)", "ones" not "one s"
  private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:twenty-four|forty-five|an|a|one|two"
      + "|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety)(?=[\\s-]))";
  private static final String SCALE = "(?:\\s*(k|thousand|million|mio|mn|m|billion|bn|b)\\b)?";
  private static final String UNIT = "(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h"
      + "|days?|weeks?|wks?|months?|years?|yrs?|%|percent|per cent|[kmgtp]b|kilobytes?|megabytes?|gigabytes?"
      + "|terabytes?|petabytes?"
      + "|(?:[a-z][a-z-]*\\s+)?(?:users?|rows?|records?|transactions?"
      + "|events?|orders?|shipments?|deliveries|delivery|customers?|accounts?|stores?|regions?|skus?|products?"
      + "|messages?|requests?|queries|query|invoices?|vehicles?|devices?|sensors?|files?|tables?|sources?"
      + "|locations?|sites?|warehouses?|drivers?|employees?|patients?|claims?|policies|policy|members?|visits?"
      + "|sessions?|countries|country|branches|branch))";
  private static final Pattern QUANTITY = Pattern.compile(
      "(?<![\\w.,])" + NUMBER + "(?:\\s*-\\s*|\\s*)" + SCALE + "\\s*-?\\s*" + UNIT + "(?![\\w])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CADENCE_BEFORE = Pattern.compile(
      "(?i)(?:once|twice|times|per|hours?|days?|weeks?|minutes?)\\s+$");

  private QuantityExtractor() {}

  public static List<Quantity> extract(String text) {
    List<Quantity> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = QUANTITY.matcher(text);
    while (m.find()) {
      String rawNumber = m.group(1).toLowerCase(Locale.ROOT);
      String scale = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
      String rawUnit = m.group(3).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      Optional<Quantity> q = build(rawNumber, scale, rawUnit, m.group().strip());
      boolean articleNumber = rawNumber.equals("a") || rawNumber.equals("an");
      if (q.isEmpty() || articleNumber && (q.get().kind() != Quantity.Kind.TIME
          || CADENCE_BEFORE.matcher(text.substring(0, m.start())).find())) {
        continue;
      }
      out.add(q.get());
    }
    return out;
  }

  /** The first duration in the text. */
  public static Optional<Quantity> firstTime(String text) {
    return first(text, Quantity.Kind.TIME);
  }

  public static Optional<Quantity> first(String text, Quantity.Kind kind) {
    return extract(text).stream().filter(q -> q.kind() == kind).findFirst();
  }

  private static Optional<Quantity> build(String rawNumber, String scale, String rawUnit, String text) {
    double value = WORD_NUMBERS.containsKey(rawNumber) ? WORD_NUMBERS.get(rawNumber)
        : Double.parseDouble(rawNumber.replace(",", ""));
    String timeUnit = timeUnit(rawUnit);
    if (timeUnit != null) {
      return scale != null ? Optional.empty() : Optional.of(new Quantity(value, timeUnit, Quantity.Kind.TIME, text));
    }
    if (rawUnit.equals("%") || rawUnit.startsWith("per")) {
      return Optional.of(new Quantity(value, "percent", Quantity.Kind.PERCENT, text));
    }
    String size = sizeUnit(rawUnit);
    if (size != null) {
      return Optional.of(new Quantity(value, size, Quantity.Kind.SIZE, text));
    }
    double factor = scale == null ? 1 : switch (scale) {
      case "k", "thousand" -> 1_000;
      case "m", "mio", "mn", "million" -> 1_000_000;
      default -> 1_000_000_000;
    };
    return Optional.of(new Quantity(value * factor, countNoun(rawUnit), Quantity.Kind.COUNT, text));
  }

  private static String timeUnit(String u) {
    if (u.startsWith("millisecond") || u.startsWith("msec") || u.equals("ms")) {
      return "millisecond";
    }
    if (u.startsWith("sec") || u.equals("s")) {
      return "second";
    }
    if (u.startsWith("min")) {
      return "minute";
    }
    if (u.startsWith("h")) {
      return "hour";
    }
    if (u.startsWith("day")) {
      return "day";
    }
    if (u.startsWith("w")) {
      return "week";
    }
    if (u.startsWith("month")) {
      return "month";
    }
    if (u.startsWith("y")) {
      return "year";
    }
    return null;
  }

  private static String sizeUnit(String u) {
    if (u.length() == 2 && u.endsWith("b")) {
      return u.toUpperCase(Locale.ROOT);
    }
    if (u.endsWith("byte") || u.endsWith("bytes")) {
      return Character.toUpperCase(u.charAt(0)) + "B";
    }
    return null;
  }

  private static String countNoun(String u) {
    String[] words = u.split(" ");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(i == words.length - 1 ? singularNoun(words[i]) : words[i]);
    }
    return out.toString();
  }

  private static String singularNoun(String w) {
    return switch (w) {
      case "queries" -> "query";
      case "deliveries" -> "delivery";
      case "countries" -> "country";
      case "policies" -> "policy";
      case "branches" -> "branch";
      default -> w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    };
  }
}
