package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Quality;

/** Data quality: "99.5% accuracy", reconciliation with a source system, accuracy and consistency in general. */
final class DataQualityDetector implements QualityDetector {

  private static final Pattern PERCENT = Pattern.compile("(?i)\\b(\\d{2}(?:\\.\\d+)?)\\s*%\\s*(accura\\w*"
      + "|complete(?:ness)?|correct(?:ness)?)");
  private static final Pattern RECONCILE = Pattern.compile("(?i)\\b(?:reconcil\\w*|match(?:es|ing)?)\\s+(?:with\\s+)?"
      + "(?:the\\s+)?((?:erp|crm|general ledger|ledger|finance|source|billing|(?-i:[A-Z][\\w-]+))(?:\\s+systems?)?)"
      + "(?:\\s+figures|\\s+totals)?");
  private static final Pattern GENERAL = Pattern.compile("(?i)\\b(accura(?:te|cy)|data quality|consisten(?:t|cy)"
      + "|single source of truth|no duplicates|deduplicat\\w*|clean data|completeness|reconcil\\w*)\\b");

  @Override
  public List<QualityFinding> detect(String text) {
    List<QualityFinding> out = new ArrayList<>();
    Matcher p = PERCENT.matcher(text);
    if (p.find()) {
      String percent = p.group(1) + "%";
      out.add(new QualityFinding(Quality.DATA_QUALITY, "Data accuracy", "be " + percent + " " + p.group(2),
          new Target("data_quality", ">=", Double.parseDouble(p.group(1)), "percent", "≥ " + percent, null, false),
          List.of("On a sample audited against the source, at least " + percent + " of the records in {scope} are"
              + " correct.", "Automated data-quality checks run on every load and report the measured rate."),
          List.of("How is '" + p.group(2) + "' measured for {scope}: which fields, against which reference?"),
          p.start(), p.end()));
    }
    Matcher r = RECONCILE.matcher(text);
    if (r.find()) {
      String system = r.group(1);
      out.add(new QualityFinding(Quality.DATA_QUALITY, "Reconciliation with " + system,
          "reconcile with " + system, null, List.of(
              "Given a closed period, when totals in {scope} are compared with " + system + " for the same period"
                  + " and filters, then they are equal (or within the agreed tolerance).",
              "A reconciliation check runs after every load and blocks publication on a mismatch."),
          List.of(), r.start(), r.end()));
    }
    Matcher g = GENERAL.matcher(text);
    if (out.isEmpty() && g.find()) {
      out.add(new QualityFinding(Quality.DATA_QUALITY, "Data quality", "publish only data that passes quality checks",
          null, List.of(
              "Automated checks (completeness, unique keys, valid values, totals against the source) run on every"
                  + " load of {scope}; a failed check blocks publication and alerts the data team."),
          List.of("Which data-quality rules and tolerances define '" + g.group(1) + "' for {scope}?"), g.start(),
          g.end()));
    }
    return out;
  }
}
