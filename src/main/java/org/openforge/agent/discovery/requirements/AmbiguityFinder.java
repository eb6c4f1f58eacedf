package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Dimensions;
import org.openforge.agent.discovery.text.Feature;
import org.openforge.agent.discovery.text.Quantity;
import org.openforge.agent.discovery.text.QuantityExtractor;
import org.openforge.agent.discovery.text.Words;

/**
 * Finds what a statement leaves open: words that need a metric ("customer behavior patterns", "performance"),
 * "comprehensive" without a list, trends without a horizon, reports without recipients, comparisons without a
 * baseline, alerts without a threshold, predictions without a quality measure, and dimensions without a source.
 */
final class AmbiguityFinder {

  private static final String VAGUE_NOUNS = "(?:behaviou?rs?|patterns?|insights?|engagement|health|usage"
      + "|experience|activity|activities)";
  private static final Pattern NEEDS_METRIC = Pattern.compile("(?i)\\b((?:[\\w-]+\\s+){0,2}?" + VAGUE_NOUNS
      + "(?:\\s+" + VAGUE_NOUNS + ")*)\\b");
  private static final Pattern PERFORMANCE = Pattern.compile("(?i)\\b((?:[\\w-]+\\s+)?performance"
      + "(?!\\s+(?:tests?|testing|targets?|requirements?)\\b)(?:\\s+(?!(?:by|of|for|in|on|at|to|and|with|per"
      + "|across|from|over)\\b)[\\w-]+)?)");
  private static final Pattern COMPREHENSIVE = Pattern.compile("(?i)\\b(comprehensive|complete|full|all (?:the )?"
      + "(?:metrics|kpis|data))\\b");
  private static final Pattern RECIPIENT = Pattern.compile("(?i)\\b(e-?mail\\w*|send|sent|distribut\\w*|deliver\\w*"
      + "|portal|pdf|to (?:the )?[\\w-]+ (?:team|managers?|leads?|executives?|board|vp|director))\\b");
  private static final Pattern BASELINE = Pattern.compile("(?i)\\b(vs\\.?|versus|against|over|previous|prior|last"
      + " (?:week|month|quarter|year)|target|budget|plan|year-over-year|yoy)\\b");
  private static final Set<String> LEADING_NOISE = Set.of("track", "analyze", "analyse", "monitor", "understand",
      "identify", "measure", "see", "show", "improve", "the", "a", "an", "our", "their", "of", "and", "in", "on",
      "generate", "build", "create", "provide", "about", "into", "for");

  /** A question, and its kind: {@code ambiguity} (a vague word) or {@code missing_detail}. */
  record Finding(String question, String kind) {}

  private AmbiguityFinder() {}

  /**
   * @param functional the functional requirement gathered from the statement, or null; questions about a feature
   *     (report recipients, comparison baselines, ...) are asked only when there is one
   */
  static List<Finding> find(Statement s, RequirementDraft functional) {
    String text = s.text();
    String title = functional == null ? Phrases.title(text) : functional.title;
    List<Finding> out = new ArrayList<>();
    List<Feature> features = functional == null ? List.of() : Feature.detect(functional.title);
    Matcher metric = NEEDS_METRIC.matcher(text);
    if (metric.find()) {
      String phrase = trim(metric.group(1));
      out.add(new Finding("Which measurable metrics define '" + phrase + "' (counts, rates or averages per period,"
          + " and over which population)? The statement names none.", "ambiguity"));
    }
    Matcher performance = PERFORMANCE.matcher(text);
    if (performance.find() && QuantityExtractor.extract(text).isEmpty()) {
      out.add(new Finding("Which KPIs make up 'performance' in '" + trim(performance.group(1))
          + "', and what are their targets?", "ambiguity"));
    }
    Matcher comprehensive = COMPREHENSIVE.matcher(text);
    if (comprehensive.find()) {
      out.add(new Finding("Which metrics and dimensions must the first release of '" + title + "' contain? '"
          + comprehensive.group(1) + "' needs an explicit list.", "ambiguity"));
    }
    boolean horizon = QuantityExtractor.extract(text).stream().anyMatch(q -> q.kind() == Quantity.Kind.TIME);
    if (features.contains(Feature.TREND) && !horizon) {
      out.add(new Finding("Over which horizon and at which granularity are the trends in '" + text + "' analysed"
          + " (e.g. the last 24 months by week), and how much history must be loaded?", "missing_detail"));
    }
    if (features.contains(Feature.REPORT) && !RECIPIENT.matcher(text).find()) {
      out.add(new Finding("Who receives the " + Words.decapitalize(title.replaceFirst("(?i)^generate\\s+", ""))
          + ", in which format and through which channel (email, portal, PDF), and how soon after the period"
          + " closes?", "missing_detail"));
    }
    if (features.contains(Feature.COMPARISON) && !BASELINE.matcher(text).find()) {
      List<String> dims = Dimensions.find(text);
      out.add(new Finding("What does '" + text + "' compare: which measures, across which "
          + (dims.isEmpty() ? "items" : dims.get(0) + "s") + ", and against which baseline (previous period,"
          + " target, peers)?", "missing_detail"));
    }
    if (features.contains(Feature.ALERT) && QuantityExtractor.extract(text).isEmpty()) {
      out.add(new Finding("What threshold triggers the alerts in '" + text + "', who receives them and through which"
          + " channel?", "missing_detail"));
    }
    if (features.contains(Feature.PREDICTION)
        && QuantityExtractor.extract(text).stream().noneMatch(q -> q.kind() == Quantity.Kind.PERCENT)) {
      out.add(new Finding("What exactly is predicted in '" + text + "', over which horizon, and which model quality"
          + " is acceptable (e.g. AUC, or precision in the top decile)?", "missing_detail"));
    }
    for (String dim : Dimensions.find(text)) {
      out.add(new Finding("What is the authoritative list (or hierarchy) of " + dim + " values, and which source"
          + " system holds it?", "missing_detail"));
    }
    return out;
  }

  private static String trim(String phrase) {
    List<String> words = new ArrayList<>(List.of(phrase.strip().split("\\s+")));
    while (words.size() > 1 && LEADING_NOISE.contains(words.get(0).toLowerCase(java.util.Locale.ROOT))) {
      words.remove(0);
    }
    return String.join(" ", words);
  }
}
