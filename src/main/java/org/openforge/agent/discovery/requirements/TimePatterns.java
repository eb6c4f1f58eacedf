package org.openforge.agent.discovery.requirements;

import java.util.Optional;
import org.openforge.agent.discovery.text.Quantity;
import org.openforge.agent.discovery.text.QuantityExtractor;

/** Regular-expression fragments for time spans, shared by the detectors. */
final class TimePatterns {

  static final String NUMBER = "(?<![\\w.])(?:\\d+(?:\\.\\d+)?|(?:twenty-four|forty-five|an?|one|two|three|four"
      + "|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety)(?=[\\s-]))";
  private static final String GAP = "\\s*-?\\s*";
  static final String SHORT = NUMBER + GAP + "(?:milliseconds?|ms|seconds?|secs?|s|minutes?|mins?)(?![\\w])";
  static final String MID = NUMBER + GAP + "(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?)(?![\\w])";
  static final String LONG = NUMBER + GAP + "(?:days?|weeks?|months?|years?|yrs?)(?![\\w])";

  private TimePatterns() {}

  /** The duration in matched text, which the fragments guarantee is there. */
  static Quantity duration(String matched) {
    Optional<Quantity> q = QuantityExtractor.firstTime(matched);
    return q.orElseThrow(() -> new IllegalStateException("no duration in '" + matched + "'"));
  }

  static Target atMost(String metric, Quantity q) {
    return new Target(metric, "<=", q.value(), q.unit(), "≤ " + q.display(), q.iso(), false);
  }

  static Target atLeast(String metric, Quantity q) {
    return new Target(metric, ">=", q.value(), q.unit(), "≥ " + q.display(), q.iso(), false);
  }
}
