package org.openforge.agent.discovery.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a functional requirement asks the solution to do, recognised by its words. Listed from the most specific to
 * the most generic: the first feature a statement names is its primary one ("Regional comparison views" is a
 * comparison before it is a view).
 */
public enum Feature {
  EXPORT("export", "Data export", "export\\w*|download\\w*|extracts? to|save as"),
  ALERT("alert", "Alerts and notifications", "alert\\w*|notif(?:y|ies|ied|ication\\w*)|warn(?:ing)?s?"
      + "|escalat\\w*|thresholds?"),
  PREDICTION("prediction", "Prediction", "predict\\w*|forecast\\w*|propensity|machine learning|ml models?"
      + "|risk scor\\w*|scor(?:e|es|ing) (?:customers|accounts|leads|members)"),
  COMPARISON("comparison", "Comparison", "compar\\w*|versus|vs\\.?|benchmark\\w*|side[- ]by[- ]side"
      + "|against (?:target|budget|plan|forecast|last \\w+)s?"
      + "|(?:day|week|month|quarter|year)[- ]over[- ](?:day|week|month|quarter|year)|yoy"),
  REPORT("report", "Reporting", "report(?:s|ing)?|digests?|summar(?:y|ies)"),
  TREND("trend_analysis", "Trend analysis", "trends?|over time|historical|seasonal\\w*|time series"),
  TRACKING("tracking", "Tracking and monitoring", "track\\w*|monitor\\w*|measur\\w*|follow[- ]up"),
  SEGMENTATION("segmentation", "Segmentation", "segment\\w*|cohorts?|clusters?|clustering"),
  SEARCH("search_filter", "Search and filtering", "search\\w*|filter\\w*|drill[- ]?(?:down|through)\\w*"
      + "|slic(?:e|es|ing)"),
  DASHBOARD("dashboard", "Dashboard", "dashboards?|kpis?|scorecards?|visuali[sz]\\w*|charts?|views?|graphs?"),
  DATA_INTEGRATION("data_integration", "Data integration", "data marts?|data warehouses?|integrat\\w*|ingest\\w*"
      + "|consolidat\\w*|single source of truth|combin\\w*|pipelines?|data models?|unif(?:y|ied)"),
  ANALYSIS("analysis", "Analysis", "analy[sz]\\w*|insights?|identif\\w*|understand\\w*|explor\\w*");

  private final String value;
  private final String label;
  private final Pattern pattern;

  Feature(String value, String label, String words) {
    this.value = value;
    this.label = label;
    this.pattern = Pattern.compile("(?i)(?<![\\w-])(?:" + words + ")(?![\\w-])");
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  /** Every feature the text names, most specific first. */
  public static List<Feature> detect(String text) {
    List<Feature> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (Feature f : values()) {
      if (f.pattern.matcher(text).find()) {
        out.add(f);
      }
    }
    return out;
  }

  /** The words in the text that named this feature. */
  public Optional<String> words(String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }
}
