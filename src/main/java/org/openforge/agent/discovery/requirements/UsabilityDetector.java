package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Quality;

/** Usability and access channels: mobile, self-service, accessibility (WCAG), "easy to use". */
final class UsabilityDetector implements QualityDetector {

  private static final Pattern MOBILE = Pattern.compile("(?i)\\b(mobile|tablets?|phones?|smartphones?)\\b");
  private static final Pattern SELF_SERVICE = Pattern.compile("(?i)\\b(self[- ]service)\\b");
  private static final Pattern ACCESSIBLE = Pattern.compile("(?i)\\b(accessibility|wcag(?:\\s*2(?:\\.\\d)?)?"
      + "|screen readers?)\\b");
  private static final Pattern EASY = Pattern.compile("(?i)\\b(easy to use|user[- ]friendly|intuitive)\\b");

  @Override
  public List<QualityFinding> detect(String text) {
    List<QualityFinding> out = new ArrayList<>();
    Matcher mobile = MOBILE.matcher(text);
    if (mobile.find()) {
      out.add(new QualityFinding(Quality.USABILITY, "Mobile access", "work on " + mobile.group(1) + " devices",
          null, List.of("{Scope} is usable on phones and tablets (responsive layout, no horizontal scrolling),"
              + " tested on the agreed devices and browsers."),
          List.of("Which devices and browsers must {scope} support on mobile?"), mobile.start(), mobile.end()));
    }
    Matcher self = SELF_SERVICE.matcher(text);
    if (self.find()) {
      out.add(new QualityFinding(Quality.USABILITY, "Self-service", "allow self-service use", null, List.of(
          "After training, a business user can create or change a view of {scope} without help from IT."),
          List.of(), self.start(), self.end()));
    }
    Matcher accessible = ACCESSIBLE.matcher(text);
    if (accessible.find()) {
      out.add(new QualityFinding(Quality.USABILITY, "Accessibility", "meet WCAG 2.1 AA", null, List.of(
          "{Scope} meets WCAG 2.1 level AA, verified by an accessibility audit."), List.of(), accessible.start(),
          accessible.end()));
    }
    Matcher easy = EASY.matcher(text);
    if (easy.find()) {
      out.add(new QualityFinding(Quality.USABILITY, "Ease of use", "be " + easy.group(1), null, List.of(
          "In a usability test, the agreed share of target users complete the key tasks in {scope} without help."),
          List.of("How will '" + easy.group(1) + "' be judged for {scope}: which tasks, which success rate?"),
          easy.start(), easy.end()));
    }
    return out;
  }
}
