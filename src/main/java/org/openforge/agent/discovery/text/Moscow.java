package org.openforge.agent.discovery.text;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MoSCoW priority, detected from the wording of a statement. */
public enum Moscow {
  MUST("must", "Must have"),
  SHOULD("should", "Should have"),
  COULD("could", "Could have"),
  WONT("wont", "Won't have (this time)");

  private final String value;
  private final String label;

  Moscow(String value, String label) {
    this.value = value;
    this.label = label;
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  /** The higher of two priorities (MUST is highest). */
  public Moscow max(Moscow other) {
    return other.ordinal() < ordinal() ? other : this;
  }

  /** A priority and the words that set it. */
  public record Cue(Moscow priority, String words) {}

  // checked in this order: "not needed" is a won't although it contains "need"; "nice to have" before "have to"
  private record Wording(Moscow priority, Pattern pattern) {}

  private static final List<Wording> CUES = List.of(
      new Wording(WONT, Pattern.compile("(?i)\\b(won'?t|will not|out of scope|not required|not needed|no need"
          + "|later phase|future phase|not in scope|not (?:a )?priority)\\b")),
      new Wording(COULD, Pattern.compile("(?i)\\b(nice[- ]to[- ]have|would be nice|could|optional(?:ly)?"
          + "|if possible|ideally|bonus|if time permits)\\b")),
      new Wording(MUST, Pattern.compile("(?i)\\b(must|shall|required|requires?|need to|needs to|needs?|needed"
          + "|have to|has to|critical|essential|mandatory|non-negotiable|necessary)\\b")),
      new Wording(SHOULD, Pattern.compile("(?i)\\b(should|want to|wants to|wants?|would like|important|expected"
          + "|prefer(?:ably|red)?|recommended)\\b")));

  /** The priority the wording expresses, if any. */
  public static Optional<Cue> detect(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (Wording cue : CUES) {
      Matcher m = cue.pattern().matcher(text);
      if (m.find()) {
        return Optional.of(new Cue(cue.priority(), m.group(1)));
      }
    }
    return Optional.empty();
  }

  /** Parses a priority given in input: must/should/could/won't, or high/medium/low. */
  public static Optional<Moscow> parse(Object raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.toString().trim().toLowerCase(java.util.Locale.ROOT).replace("'", "").replace(" have", "");
    return switch (s) {
      case "must", "m", "critical", "high", "p1" -> Optional.of(MUST);
      case "should", "s", "medium", "p2" -> Optional.of(SHOULD);
      case "could", "c", "low", "p3" -> Optional.of(COULD);
      case "wont", "w", "won't", "none" -> Optional.of(WONT);
      default -> Optional.empty();
    };
  }
}
