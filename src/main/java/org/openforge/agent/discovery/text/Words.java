package org.openforge.agent.discovery.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word-level helpers shared by the discovery lexicons: tokens, singular forms, stop words, casing. */
public final class Words {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");

  /** Function words that carry no requirement content. */
  public static final Set<String> STOPWORDS = Set.of("a", "an", "the", "and", "or", "of", "to", "for", "in", "on",
      "at", "by", "with", "from", "into", "onto", "over", "per", "across", "as", "is", "are", "be", "been", "being",
      "was", "were", "it", "its", "this", "that", "these", "those", "their", "our", "we", "us", "you", "your", "they",
      "them", "he", "she", "his", "her", "i", "my", "me", "so", "such", "each", "every", "all", "any", "some", "can",
      "could", "will", "would", "should", "shall", "must", "may", "might", "need", "needs", "needed", "want",
      "wants", "have", "has", "had", "do", "does", "also", "well", "which", "who", "whom", "where", "when", "than",
      "then", "there", "via", "within", "between", "about", "able", "ability", "like", "including", "e.g", "i.e",
      "etc", "not", "no", "both", "more", "most", "own", "up", "out", "only");

  private static final Set<String> NOT_PLURAL = Set.of("sales", "analytics", "logistics", "metrics", "news",
      "status", "business", "series", "process", "access", "address", "class", "analysis", "basis", "diagnosis",
      "always", "various", "across", "this", "its", "us", "gas", "plus", "bus", "campus", "census", "chassis",
      "operations", "ops", "kpis", "statistics", "economics", "mathematics", "physics", "whereas", "is", "has",
      "was", "does", "less", "loss", "gross", "cross", "success", "progress", "express", "minus");

  private Words() {}

  /** Lower-case word tokens, hyphenated words kept whole ("real-time", "24-hour"). */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Content tokens in singular form, in order of first appearance, without stop words. */
  public static Set<String> contentTerms(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String token : tokens(text)) {
      if (!STOPWORDS.contains(token)) {
        out.add(singular(token));
      }
    }
    return out;
  }

  /** A simple English singular: enough to match "reports" with "report", "capabilities" with "capability". */
  public static String singular(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() <= 3 || NOT_PLURAL.contains(w) || w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
      return w;
    }
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("sses")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("s") && !w.endsWith("'s")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** Whether a noun phrase reads as plural (its last word). */
  public static boolean pluralPhrase(String phrase) {
    List<String> tokens = tokens(phrase);
    if (tokens.isEmpty()) {
      return false;
    }
    String last = tokens.get(tokens.size() - 1);
    return !singular(last).equals(last) || last.equals("sales") || last.equals("analytics");
  }

  /** Upper-cases the first letter. */
  public static String capitalize(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Lower-cases the first letter unless the first word is an acronym ("KPI", "VP"). */
  public static String decapitalize(String text) {
    if (text == null || text.length() < 2) {
      return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
    String first = text.split("[\\s-]", 2)[0];
    if (first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT))) {
      return text;
    }
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /** Title case for names found in text: "regional managers" → "Regional Managers"; acronyms stay as written. */
  public static String titleCase(String phrase) {
    StringBuilder out = new StringBuilder();
    String[] parts = phrase.trim().split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      String lower = p.toLowerCase(Locale.ROOT);
      if (i > 0) {
        out.append(' ');
      }
      if (i > 0 && Set.of("of", "the", "and", "for").contains(lower)) {
        out.append(lower);
      } else if (p.length() > 1 && p.equals(p.toUpperCase(Locale.ROOT))) {
        out.append(p);
      } else {
        out.append(capitalize(lower));
      }
    }
    return out.toString();
  }

  /** "a" or "an" for a following word. */
  public static String article(String nextWord) {
    return nextWord != null && !nextWord.isEmpty() && "aeiouAEIOU".indexOf(nextWord.charAt(0)) >= 0 ? "an" : "a";
  }

  /** Snake case for role labels: "Executive Sponsor" → "executive_sponsor". */
  public static String snake(String text) {
    return String.join("_", tokens(text == null ? "" : text.replace('-', ' ')));
  }
}
