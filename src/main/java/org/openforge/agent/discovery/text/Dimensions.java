package org.openforge.agent.discovery.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dimensions a statement breaks its figures down by: "by region", "per carrier", "across regions", "for each
 * store", "store-level", and adjectives such as "regional" (→ region). Returned singular, in order of appearance.
 */
public final class Dimensions {

  // two-word dimensions: "job family", "customer segment", "product category"
  private static final String SECOND = "(?:\\s+(?:family|type|category|group|code|title|segment|class|line|tier"
      + "|band|size|channel))?";
  private static final Pattern BREAKDOWN = Pattern.compile("(?i)\\b(by|per|across(?:\\s+all)?|for each|for every"
      + "|broken down by|split by|grouped by|segmented by|sliced by)\\s+(?:the\\s+|each\\s+|all\\s+|every\\s+"
      + "|individual\\s+|their\\s+)?([a-z][a-z-]+" + SECOND + ")(?:\\s*(?:,|and|or|&|/)\\s*([a-z][a-z-]+" + SECOND
      + "))?");
  private static final Pattern LEVEL = Pattern.compile("(?i)\\b([a-z]+)[- ]level\\b");
  private static final Map<String, String> ADJECTIVES = Map.of("regional", "region", "departmental", "department",
      "divisional", "division", "territorial", "territory", "national", "country");
  private static final Pattern ADJECTIVE = Pattern.compile("(?i)\\b(regional|departmental|divisional|territorial"
      + "|national)\\b");
  private static final Set<String> NOT_DIMENSIONS = Set.of("hour", "day", "week", "month", "quarter", "year",
      "minute", "second", "user", "manager", "team", "email", "mail", "phone", "default", "design", "hand",
      "means", "way", "example", "far", "now", "then", "using", "name", "itself", "themselves",
      "high", "low", "top", "service", "entry", "senior", "executive", "analyst", "role", "stakeholder", "cent",
      "request", "click", "law", "policy", "contract", "end", "owner", "admin", "administrator");
  private static final Pattern PASSIVE_BEFORE = Pattern.compile("(?i)\\b\\w+ed\\s+$");

  private Dimensions() {}

  public static List<String> find(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null) {
      return List.of();
    }
    List<int[]> positions = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Matcher m = BREAKDOWN.matcher(text);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase("by") && PASSIVE_BEFORE.matcher(text.substring(0, m.start())).find()) {
        continue;
      }
      add(m.group(2), m.start(2), positions, names);
      if (m.group(3) != null) {
        add(m.group(3), m.start(3), positions, names);
      }
    }
    Matcher level = LEVEL.matcher(text);
    while (level.find()) {
      add(level.group(1), level.start(1), positions, names);
    }
    Matcher adjective = ADJECTIVE.matcher(text);
    while (adjective.find()) {
      names.add(ADJECTIVES.get(adjective.group(1).toLowerCase(Locale.ROOT)));
      positions.add(new int[] {adjective.start()});
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(positions.get(a)[0], positions.get(b)[0]));
    for (int i : order) {
      out.add(names.get(i));
    }
    return List.copyOf(out);
  }

  /** A word in the form dimensions are compared in: singular, adjectives as their noun ("regional" → "region"). */
  public static String normalize(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return ADJECTIVES.getOrDefault(lower, Words.singular(lower));
  }

  private static void add(String word, int start, List<int[]> positions, List<String> names) {
    String singular = word.contains(" ") ? word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
        : Words.singular(word.toLowerCase(Locale.ROOT));
    String first = singular.split(" ")[0];
    if (singular.length() < 3 || Words.STOPWORDS.contains(first) || NOT_DIMENSIONS.contains(first)
        || first.endsWith("ing") || first.endsWith("ed") || first.endsWith("ly")
        || singular.chars().anyMatch(Character::isDigit)) {
      return;
    }
    names.add(singular);
    positions.add(new int[] {start});
  }
}
