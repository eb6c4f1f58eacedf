package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import org.openforge.agent.discovery.text.Cadence;
import org.openforge.agent.discovery.text.Feature;
import org.openforge.agent.discovery.text.Words;

/**
 * Acceptance criteria of a functional requirement, by feature, filled with what the statement says: its subject,
 * its cadence ("weekly" → the full week), its breakdown ("per region") and any figures ("below 95%").
 */
final class FunctionalCriteria {

  private FunctionalCriteria() {}

  /**
   * A metric's own criteria (its figures equal a query over the source, its breakdown adds up, empty periods as
   * asked), then those of the feature it is shown in, if any.
   */
  static List<String> metric(Metric m, Feature feature, String subject, Cadence cadence, List<String> figures) {
    List<String> out = new ArrayList<>(feature == null ? List.of()
        : criteria(feature, subject, cadence, m.dimensions(), figures));
    String by = m.dimensions().isEmpty() ? "" : " for each " + String.join(" and ", m.dimensions());
    String grain = m.grain() == null ? "" : " per " + m.grain();
    out.add("For every row" + by + grain + ", the " + m.measure().replace('_', ' ') + " (" + m.aggregation()
        + ") equals the same aggregation written by hand over the source tables (every row, every value).");
    if (!"avg".equals(m.aggregation()) && !"avg_per_order".equals(m.aggregation()) && m.ranking() == null) {
      out.add("The rows add up to the total of the facts they are built from (reconciliation, difference 0).");
    }
    if (m.zeroFill() && m.grain() != null) {
      out.add("Every " + m.grain() + " between the first and the last with activity is present; those without"
          + " activity show 0.");
    }
    if (m.ranking() != null) {
      out.add("Exactly the " + m.ranking().limit() + " " + (m.ranking().direction().equals("desc") ? "highest"
          : "lowest") + " " + m.ranking().subject() + " values are listed, in order.");
    }
    return out;
  }

  /**
   * @param subject what the requirement is about, with its article: "the sales dashboard", "the weekly
   *     performance reports"
   */
  static List<String> criteria(Feature feature, String subject, Cadence cadence, List<String> dimensions,
      List<String> figures) {
    String per = dimensions.isEmpty() ? "" : " per " + String.join(" and per ", dimensions);
    String dims = dimensions.isEmpty() ? "the agreed dimensions" : String.join(" and ", plural(dimensions));
    String period = cadence == null ? "period" : cadence.period();
    List<String> out = new ArrayList<>();
    switch (feature) {
      case DASHBOARD -> {
        out.add("Given the latest load has completed, when a user opens " + subject + ", then it shows its"
            + " figures" + per + (cadence == null ? "" : " for each " + period) + ", with the as-of time of the"
            + " data.");
        out.add("Each figure on " + subject + " equals the source system's total for the same period and"
            + " filters (difference 0, or within an agreed tolerance).");
        if (!dimensions.isEmpty()) {
          out.add("Filtering " + subject + " to a single " + dimensions.get(0) + " shows only that "
              + dimensions.get(0) + "'s figures, and the figures of all " + plural(dimensions).get(0)
              + " add up to the overall total.");
        }
      }
      case COMPARISON -> {
        out.add("Given at least two " + dims + " (or periods), when the user selects them in " + subject
            + ", then their figures are shown side by side for the same period with the absolute and percentage"
            + " difference.");
        out.add("Every compared " + (dimensions.isEmpty() ? "item" : dimensions.get(0)) + " uses identical metric"
            + " definitions and period boundaries.");
      }
      case REPORT -> {
        out.add("Given a " + period + " has closed, when the " + (cadence == null ? "" : cadence.value() + " ")
            + "report run completes, then " + subject + " covering that full " + period + per
            + (Words.pluralPhrase(subject) ? " are" : " is") + " available to its recipients.");
        if (cadence != null) {
          out.add("A report is produced for every " + period + ": none is missing or duplicated over a quarter of"
              + " runs.");
        }
        out.add("Report totals equal the dashboard and source totals for the same " + period + ".");
        out.add("If a run fails, the operators are alerted and the report can be re-run for the same " + period
            + ".");
      }
      case TREND -> {
        out.add("Given at least the agreed number of " + period + "s of history, when the user views " + subject
            + ", then a time series by " + period + per + " is shown.");
        out.add("Periods without activity show as zero, not as gaps, and the latest incomplete " + period
            + " is marked as such.");
      }
      case TRACKING -> {
        out.add("Given source data for " + subject + ", when the user views it, then each defined metric is shown by "
            + period + per + " with its change against the previous " + period + ".");
        out.add("Every tracked metric has a written definition (formula and source fields) agreed with the business"
            + " before build.");
      }
      case EXPORT -> {
        out.add("Given a user viewing data, when they export it, then the file contains exactly the rows and"
            + " columns on screen (row count equals the on-screen total) with a header row.");
        out.add("Exported values match the view they came from, and exports respect the user's access rights.");
      }
      case ALERT -> {
        out.add("Given a threshold" + (figures.isEmpty() ? "" : " (" + String.join(", ", figures) + ")")
            + " is configured, when the metric crosses it" + per + ", then the recipients are notified within the"
            + " agreed time, once per breach.");
        out.add("Each alert names the metric, its value, the threshold and the affected "
            + (dimensions.isEmpty() ? "item" : dimensions.get(0)) + ".");
      }
      case PREDICTION -> {
        out.add("Given the historical data, when the model is scored, then every " + (dimensions.isEmpty()
            ? "entity in scope" : dimensions.get(0)) + " receives a score and the date of scoring.");
        out.add("Model quality is measured on a held-out period before release and meets the agreed metric"
            + (figures.isEmpty() ? "" : " (" + String.join(", ", figures) + ")") + ".");
      }
      case SEGMENTATION -> out.add("Given the agreed segmentation rules, when they are applied, then every entity"
          + " falls in exactly one segment and the size of each segment is shown.");
      case SEARCH -> out.add("Given a view, when the user filters or drills down by " + dims + ", then only"
          + " matching rows are shown and totals update accordingly.");
      case DATA_INTEGRATION -> {
        out.add("Given the in-scope sources, when the load runs, then every source record is present in " + subject
            + " or reported as rejected with a reason (row counts reconcile per source and load).");
        out.add("The load is repeatable: running it twice for the same period gives the same result.");
      }
      case ANALYSIS -> out.add("Given the loaded data, when an analyst explores " + subject + ", then figures can be"
          + " broken down by " + dims + " and over time" + (cadence == null ? "" : " by " + period) + ".");
    }
    if (!figures.isEmpty() && feature != Feature.ALERT && feature != Feature.PREDICTION) {
      out.add("The figures stated in the source hold: " + String.join(", ", figures) + ".");
    }
    return out;
  }

  /** The criterion of a statement that names no known feature but asks for something. */
  static List<String> general(String text) {
    return List.of("The capability \"" + text + "\" is demonstrated in a user acceptance test whose steps and"
        + " expected results are agreed with the stakeholders before build.");
  }

  private static List<String> plural(List<String> words) {
    return words.stream().map(w -> w.endsWith("y") && !w.endsWith("ey") ? w.substring(0, w.length() - 1) + "ies"
        : w.endsWith("s") || w.endsWith("ch") || w.endsWith("x") ? w + "es" : w + "s").toList();
  }
}
