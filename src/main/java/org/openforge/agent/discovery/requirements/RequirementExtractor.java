package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openforge.agent.discovery.text.AnalyticalAsk;
import org.openforge.agent.discovery.text.Cadence;
import org.openforge.agent.discovery.text.Dimensions;
import org.openforge.agent.discovery.text.Feature;
import org.openforge.agent.discovery.text.Quantity;
import org.openforge.agent.discovery.text.QuantityExtractor;
import org.openforge.agent.discovery.text.Words;

/**
 * Extracts the requirements of one statement: its non-functional requirements through the detectors, and — from
 * what is left of the sentence once their words are cut out — at most one functional requirement, if that rest
 * names a feature or starts with an action verb and says more than the feature word itself.
 */
final class RequirementExtractor {

  private static final List<QualityDetector> DETECTORS = List.of(new FreshnessDetector(), new LatencyDetector(),
      new PerformanceDetector(), new SecurityDetector(), new AvailabilityDetector(), new RetentionDetector(),
      new ScalabilityDetector(), new AuditDetector(), new DataQualityDetector(), new UsabilityDetector());

  private RequirementExtractor() {}

  static List<RequirementDraft> extract(Statement s, PriorityRule.Decision priority) {
    String text = s.text();
    List<QualityFinding> findings = new ArrayList<>();
    for (QualityDetector d : DETECTORS) {
      findings.addAll(d.detect(text));
    }
    String residual = Residual.of(text, findings);
    List<RequirementDraft> out = new ArrayList<>();
    List<AnalyticalAsk> asks = AnalyticalAsk.findAll(residual);
    Optional<RequirementDraft> functional = functional(s, residual, !findings.isEmpty(), priority,
        asks.isEmpty() ? null : asks.get(0));
    functional.ifPresent(out::add);
    for (AnalyticalAsk ask : asks.subList(Math.min(1, asks.size()), asks.size())) {
      out.add(metric(s, ask, priority));
    }
    List<Feature> features = Feature.detect(residual);
    ExportFormats.find(text, features.contains(Feature.EXPORT) && functional.isPresent(),
        features.contains(Feature.REPORT)).ifPresent(findings::add);
    String scope = Phrases.scope(text);
    for (QualityFinding f : findings) {
      out.add(quality(s, f, scope, priority));
    }
    return out;
  }

  private static Optional<RequirementDraft> functional(Statement s, String residual, boolean qualities,
      PriorityRule.Decision priority, AnalyticalAsk ask) {
    List<Feature> features = Feature.detect(residual);
    String core = Phrases.withoutModality(residual);
    boolean verb = Phrases.verbInitial(core);
    if (ask != null && features.isEmpty() && !verb) {
      return Optional.of(metric(s, ask, priority));
    }
    if (features.isEmpty() && !verb) {
      return Optional.empty();
    }
    Set<String> key = Phrases.key(residual);
    boolean onlyFeatureWords = key.stream().allMatch(w -> !Feature.detect(w).isEmpty());
    if (key.isEmpty() || qualities && onlyFeatureWords && ask == null) {
      return Optional.empty();
    }
    String title = Phrases.title(residual);
    Feature primary = Phrases.primary(title, features);
    RequirementDraft c = new RequirementDraft(RequirementDraft.Type.FUNCTIONAL,
        primary == null ? "general" : primary.value());
    c.feature = primary;
    c.title = title;
    c.actor = Phrases.actor(residual);
    c.subject = subject(c.title);
    c.priority = priority.priority();
    c.priorityRationale = priority.rationale();
    c.cadence = Cadence.find(residual).map(Cadence.Match::cadence).orElse(null);
    c.dimensions.addAll(Dimensions.find(residual));
    for (Quantity q : QuantityExtractor.extract(residual)) {
      c.figures.add(q.display());
    }
    c.key = key;
    c.metric = ask == null ? null : Metric.of(ask, s.text());
    c.statements.add(s);
    c.refresh();
    return Optional.of(c);
  }

  /** A statement that is an analytical ask and nothing more: "Revenue by billing country". */
  private static RequirementDraft metric(Statement s, AnalyticalAsk ask, PriorityRule.Decision priority) {
    RequirementDraft c = new RequirementDraft(RequirementDraft.Type.FUNCTIONAL, "metric");
    c.metric = Metric.of(ask, s.text());
    c.title = c.metric.title();
    c.actor = Phrases.actor(s.text());
    c.subject = subject(c.title);
    c.priority = priority.priority();
    c.priorityRationale = priority.rationale();
    c.dimensions.addAll(ask.dimensions());
    c.key = Set.of("metric", c.title.toLowerCase(java.util.Locale.ROOT));
    c.statements.add(s);
    c.refresh();
    return c;
  }

  private static RequirementDraft quality(Statement s, QualityFinding f, String scope, PriorityRule.Decision priority) {
    RequirementDraft c = new RequirementDraft(RequirementDraft.Type.NON_FUNCTIONAL, f.quality().value());
    c.title = f.title();
    c.scope = scope;
    c.phrase = f.phrase();
    c.priority = priority.priority();
    c.priorityRationale = priority.rationale();
    c.target = f.target();
    c.rawCriteria.addAll(f.criteria());
    c.rawQuestions.addAll(f.questions());
    c.key = Set.of(f.quality().value(), f.title());
    c.statements.add(s);
    c.refresh();
    return c;
  }

  /** "Analyze sales trends across regions" → "the sales trends across regions". */
  static String subject(String title) {
    String t = Words.decapitalize(title);
    if (Phrases.verbInitial(title)) {
      int space = t.indexOf(' ');
      t = space < 0 ? t : t.substring(space + 1);
    }
    t = t.replaceFirst("(?i)^(?:the|a|an)\\s+", "");
    return "the " + t;
  }
}
