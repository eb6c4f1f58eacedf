package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Quality;
import org.openforge.agent.discovery.text.Quantity;

/**
 * End-to-end latency: "within 5 seconds of the sale", "latency under 2 minutes", "real-time (< 1 minute)". Bare
 * "real-time" or "live" gets an assumed target (1 minute; 15 minutes for "near real-time") and an open question.
 */
final class LatencyDetector implements QualityDetector {

  private static final String T = TimePatterns.SHORT;
  private static final List<Pattern> WITH_FIGURE = List.of(
      Pattern.compile("(?i)(?:near[- ])?real[- ]?time\\s*\\(\\s*(?:<|≤|<=|under|within|max(?:imum)?)?\\s*(" + T
          + ")\\s*\\)"),
      Pattern.compile("(?i)\\b(?:within|under|in less than|less than|below|<|≤|at most|no more than)\\s+(" + T
          + ")\\s+(?:of|after|from)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[\\w-]+\\s+){0,2}?"
          + "(?:event|transaction|sale|order|change|scan|update"
          + "|it happening|it occurring|occurring|happening|source|being recorded|capture|delivery|shipment)"),
      Pattern.compile("(?i)\\b(?:latency|delay|lag)\\s+(?:of\\s+|under\\s+|below\\s+|<\\s*|≤\\s*|at most\\s+"
          + "|no more than\\s+|less than\\s+|within\\s+)?(" + T + ")"));
  private static final Pattern REAL_TIME = Pattern.compile("(?i)(?<![\\w-])(near[- ]real[- ]?time|real[- ]?time"
      + "|streaming|instant(?:ly|aneous)?|live(?=\\s+(?:data|dashboards?|views?|tracking|updates?|feeds?|status"
      + "|positions?|sales|monitoring|figures|numbers|metrics|kpis?|reporting|visibility|alerts?|map)))(?![\\w-])");

  @Override
  public List<QualityFinding> detect(String text) {
    List<QualityFinding> out = new ArrayList<>();
    for (Pattern p : WITH_FIGURE) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        out.add(finding(TimePatterns.duration(m.group(1)), false, null, m.start(), m.end()));
        return out;
      }
    }
    Matcher rt = REAL_TIME.matcher(text);
    if (rt.find()) {
      String words = rt.group(1);
      boolean near = words.toLowerCase(Locale.ROOT).startsWith("near");
      Quantity assumed = near ? new Quantity(15, "minute", Quantity.Kind.TIME, words)
          : new Quantity(1, "minute", Quantity.Kind.TIME, words);
      out.add(finding(assumed, true, "What does '" + words + "' mean for {scope}: seconds, one minute, 15 minutes?"
          + " The target " + "≤ " + assumed.display() + " is an assumption until confirmed.", rt.start(), rt.end()));
    }
    return out;
  }

  private static QualityFinding finding(Quantity latency, boolean assumed, String question, int start, int end) {
    Target t = TimePatterns.atMost("end_to_end_latency", latency);
    if (assumed) {
      t = new Target(t.metric(), t.comparator(), t.value(), t.unit(), t.display() + " (assumed)", t.iso(), true);
    }
    String q = latency.display();
    return new QualityFinding(Quality.LATENCY, "Real-time latency",
        "show new events within " + q + " of their occurrence" + (assumed ? " (assumed target)" : ""), t, List.of(
            "Given an event is recorded in a source system, when {scope} is viewed, then the event is included no"
                + " later than " + q + " after it occurred (95th percentile over a business day).",
            "{Scope} updates without a manual refresh."),
        question == null ? List.of() : List.of(question), start, end);
  }
}
