package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Quality;
import org.openforge.agent.discovery.text.Quantity;

/** Response time: "loads in under 3 seconds", "query response time below 2 s"; "fast" alone is an open question. */
final class PerformanceDetector implements QualityDetector {

  private static final String T = TimePatterns.SHORT;
  private static final List<Pattern> WITH_FIGURE = List.of(
      Pattern.compile("(?i)\\b(?:loads?|loading|renders?|responds?|returns?|opens?|refreshes|queries\\s+(?:return|run"
          + "|complete))\\s+(?:in|within)\\s+(?:under\\s+|less than\\s+|at most\\s+|no more than\\s+)?(" + T + ")"),
      Pattern.compile("(?i)\\b(?:response|load|loading|query|page[- ]load|render(?:ing)?)\\s+times?\\s+(?:of\\s+"
          + "|under\\s+|below\\s+|<\\s*|≤\\s*|within\\s+|at most\\s+|no more than\\s+|less than\\s+)?(" + T + ")"));
  private static final Pattern VAGUE = Pattern.compile("(?i)\\b(fast|quick(?:ly)?|responsive|snappy|performant"
      + "|without delay|high[- ]performance)\\b");

  @Override
  public List<QualityFinding> detect(String text) {
    List<QualityFinding> out = new ArrayList<>();
    for (Pattern p : WITH_FIGURE) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        Quantity q = TimePatterns.duration(m.group(1));
        out.add(new QualityFinding(Quality.PERFORMANCE, "Response time", "respond within " + q.display(),
            TimePatterns.atMost("response_time_p95", q), List.of(
                "Given production data volumes and typical concurrent use, when a user opens {scope} or changes a"
                    + " filter, then it responds within " + q.display() + " at the 95th percentile.",
                "A load test with the expected number of concurrent users confirms the " + q.display()
                    + " target before go-live."),
            List.of(), m.start(), m.end()));
        return out;
      }
    }
    Matcher v = VAGUE.matcher(text);
    if (v.find()) {
      out.add(new QualityFinding(Quality.PERFORMANCE, "Response time", "respond quickly (target to agree)", null,
          List.of("Given production data volumes, when a user opens {scope} or changes a filter, then it responds"
              + " within the agreed time at the 95th percentile."),
          List.of("What response time is acceptable for {scope} ('" + v.group(1) + "' gives no figure), e.g. under 3"
              + " seconds at the 95th percentile?"), v.start(), v.end()));
    }
    return out;
  }
}
