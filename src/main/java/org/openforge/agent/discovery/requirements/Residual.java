package org.openforge.agent.discovery.requirements;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What is left of a sentence once the words of its non-functional requirements are cut out: "Build a dashboard
 * showing weekly sales by region with 24-hour data freshness" leaves "Build a dashboard showing weekly sales by
 * region"; "Real-time sales dashboard" leaves "sales dashboard".
 */
final class Residual {

  private static final Pattern CONNECTOR_BEFORE = Pattern.compile("(?i)(?:,\\s*)?\\b(?:with|and|at|in|within|that is"
      + "|which is|of|for|to|under|so that)\\s*$");
  private static final Pattern DANGLING_END = Pattern.compile("(?i)(?:[\\s,;:.-]|\\b(?:with|and|or|at|in|of|for|to"
      + "|that|which)\\b)+$");

  private Residual() {}

  static String of(String text, List<QualityFinding> findings) {
    List<QualityFinding> spans = findings.stream().filter(f -> f.start() >= 0)
        .sorted(Comparator.comparingInt(QualityFinding::start)).toList();
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (QualityFinding f : spans) {
      if (f.start() < at) {
        at = Math.max(at, f.end());
        continue;
      }
      String before = text.substring(at, f.start());
      out.append(CONNECTOR_BEFORE.matcher(before).replaceFirst(""));
      out.append(' ');
      at = f.end();
    }
    out.append(text.substring(Math.min(at, text.length())));
    String residual = out.toString().replaceAll("\\s+", " ").strip();
    residual = DANGLING_END.matcher(residual).replaceFirst("");
    return residual.replaceAll("^[\\s,;:-]+", "").strip();
  }
}
