package org.openforge.agent.discovery.requirements;

import java.util.List;
import org.openforge.agent.discovery.text.AnalyticalAsk;

/**
 * The structured form of a metric requirement, which Design binds to columns of the catalog: what is measured and
 * how it is aggregated, by which dimensions, at which time grain, under which filters and ranking.
 *
 * @param measure canonical name ({@code revenue}, {@code order_count}, {@code lifetime_value}, ...)
 * @param measurePhrase the words that named it in the sentence
 * @param zeroFill whether periods without activity must show as zero rows
 * @param sourceSentence the sentence the ask was read from
 */
public record Metric(String measure, String measurePhrase, String aggregation, List<String> dimensions, String grain,
    List<AnalyticalAsk.Filter> filters, AnalyticalAsk.Ranking ranking, boolean zeroFill, String comparison,
    String sourceSentence) {

  static Metric of(AnalyticalAsk ask, String sentence) {
    return new Metric(ask.measure(), ask.measurePhrase(), ask.aggregation(), ask.dimensions(), ask.grain(),
        ask.filters(), ask.ranking(), ask.zeroFill(), ask.comparison(), sentence);
  }

  /** "Revenue by product category per month". */
  public String title() {
    StringBuilder t = new StringBuilder(measurePhrase.isEmpty() ? measure.replace('_', ' ') : measurePhrase);
    if (ranking != null) {
      t.insert(0, (ranking.direction().equals("desc") ? "Top " : "Bottom ") + ranking.limit() + " "
          + ranking.subject() + " by ");
    }
    List<String> by = ranking == null ? dimensions : dimensions.stream().filter(d -> !d.equals(ranking.subject()))
        .toList();
    if (!by.isEmpty()) {
      t.append(" by ").append(String.join(" and ", by));
    }
    if (grain != null) {
      t.append(" per ").append(grain);
    }
    filters.forEach(f -> t.append(", ").append(f.phrase()));
    String s = t.toString();
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
