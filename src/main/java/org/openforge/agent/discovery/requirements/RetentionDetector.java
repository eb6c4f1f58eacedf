package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Quality;
import org.openforge.agent.discovery.text.Quantity;

/**
 * History and retention: "3 years of history", "retain data for 7 years", "history going back 24 months";
 * "retention" or "historical data" without a figure is an open question.
 */
final class RetentionDetector implements QualityDetector {

  private static final String T = TimePatterns.LONG;
  private static final List<Pattern> WITH_FIGURE = List.of(
      Pattern.compile("(?i)\\b(?:retain\\w*|keep\\w*|stor(?:e|es|ed|ing)|hold\\w*|preserv\\w*|archiv\\w*)\\s+"
          + "(?:(?:all\\s+|the\\s+)?(?:data|history|records|transactions|[\\w-]+\\s+data)\\s+)?(?:for\\s+)?"
          + "(?:at least\\s+|up to\\s+|a minimum of\\s+|the last\\s+|the past\\s+)?(" + T + ")"),
      Pattern.compile("(?i)(?:at least\\s+|the last\\s+|the past\\s+)?(" + T + ")\\s+of\\s+(?:[\\w-]+\\s+){0,2}?"
          + "(?:history|historical data|data|records|transactions)\\b"),
      Pattern.compile("(?i)\\b(?:history|historical data)\\s+(?:of|for|going back|back|covering)\\s+"
          + "(?:at least\\s+|the last\\s+|the past\\s+)?(" + T + ")"));
  // "retention" alone is often customer retention ("the retention team"): only data retention counts
  private static final Pattern VAGUE = Pattern.compile("(?i)\\b(data retention|retention (?:period|policy|rules?)"
      + "|retain (?:the |all )?(?:data|history|records)|archiv\\w*|historical data|full history)\\b");

  @Override
  public List<QualityFinding> detect(String text) {
    List<QualityFinding> out = new ArrayList<>();
    for (Pattern p : WITH_FIGURE) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        Quantity span = TimePatterns.duration(m.group(1));
        String q = span.display();
        out.add(new QualityFinding(Quality.RETENTION, "Data history and retention",
            "keep at least " + q + " of history", TimePatterns.atLeast("history_available", span), List.of(
                "Given the initial load has run, when a user queries any period within the last " + q + " in"
                    + " {scope}, then the results are complete (no missing periods).",
                "As time passes, the last " + q + " stay available; older data is handled by a written archive or"
                    + " deletion policy approved by the data owner."),
            List.of("What happens to data older than " + q + " in {scope}: archive, delete or keep?"), m.start(),
            m.end()));
        return out;
      }
    }
    Matcher v = VAGUE.matcher(text);
    if (v.find()) {
      out.add(new QualityFinding(Quality.RETENTION, "Data history and retention",
          "keep history (span to agree)", null,
          List.of("Given the initial load has run, when a user queries any period within the agreed history span in"
              + " {scope}, then the results are complete."),
          List.of("How much history must {scope} hold ('" + v.group(1) + "' gives no span), and for how long is it"
              + " retained?"), v.start(), v.end()));
    }
    return out;
  }
}
