package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openforge.agent.discovery.text.Feature;
import org.openforge.agent.discovery.text.Quantity;

/**
 * Merges overlapping requirements. Two functional requirements are the same when they are about the same feature,
 * do not name different cadences, and their content words are equal, one contains the other (at least two words,
 * or only the feature word), or they share three quarters of their words: "weekly performance reports" is "Generate
 * weekly performance reports". A non-functional requirement with one value per solution (freshness, latency,
 * availability, retention, export formats) merges with any other of its category; conflicting figures keep the
 * stricter one and raise a question — unless the reviewer's feedback gave the new figure, which then replaces it.
 */
final class Deduplicator {

  private static final Set<String> SINGLE_VALUED = Set.of("freshness", "latency", "availability", "retention",
      "export_format");

  /** One requirement merged into another, and why. */
  record Event(RequirementDraft into, RequirementDraft merged, String reason) {}

  final List<RequirementDraft> kept = new ArrayList<>();
  final List<Event> events = new ArrayList<>();

  void add(RequirementDraft c) {
    for (RequirementDraft k : kept) {
      String reason = duplicate(k, c);
      if (reason != null) {
        absorb(k, c);
        events.add(new Event(k, c, reason));
        return;
      }
    }
    kept.add(c);
  }

  private static String duplicate(RequirementDraft k, RequirementDraft c) {
    if (k.type != c.type || !k.category.equals(c.category)) {
      return null;
    }
    if (k.metric != null || c.metric != null) {
      // two asks are one only when they ask for the same figure: "revenue by country" is not "revenue per rep"
      return k.metric != null && c.metric != null && sameAsk(k.metric, c.metric)
          ? "same metric '" + c.metric.title() + "'" : null;
    }
    if (c.type == RequirementDraft.Type.NON_FUNCTIONAL) {
      if (SINGLE_VALUED.contains(c.category)) {
        return "one " + c.category.replace('_', ' ') + " requirement per solution";
      }
      return k.title.equals(c.title) ? "same requirement '" + c.title + "'" : null;
    }
    if (k.cadence != null && c.cadence != null && k.cadence != c.cadence) {
      return null;
    }
    Set<String> a = k.key;
    Set<String> b = c.key;
    if (a.equals(b)) {
      return "same feature '" + c.category + "' and same words " + a;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    if (large.containsAll(small) && (small.size() >= 2 || small.stream().allMatch(w -> w.equals(c.category)
        || !Feature.detect(w).isEmpty()))) {
      return "same feature '" + c.category + "'; the words " + small + " are contained in " + large;
    }
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    if (common.size() * 4 >= all.size() * 3) {
      return "same feature '" + c.category + "'; " + common.size() + " of " + all.size() + " words shared";
    }
    return null;
  }

  private static boolean sameAsk(Metric a, Metric b) {
    return a.measure().equals(b.measure()) && a.aggregation().equals(b.aggregation())
        && a.dimensions().equals(b.dimensions()) && java.util.Objects.equals(a.grain(), b.grain())
        && a.filters().equals(b.filters()) && java.util.Objects.equals(a.ranking(), b.ranking());
  }

  private static void absorb(RequirementDraft k, RequirementDraft c) {
    boolean feedbackChanges = c.fromFeedback() && !k.fromFeedback();
    k.statements.addAll(c.statements);
    k.dimensions.addAll(c.dimensions);
    for (String f : c.figures) {
      if (!k.figures.contains(f)) {
        k.figures.add(f);
      }
    }
    if (k.cadence == null) {
      k.cadence = c.cadence;
    }
    if (feedbackChanges) {
      k.feedbackChange = "changed";
      if (k.priority != c.priority) {
        k.notes.add("priority changed by reviewer feedback from '" + k.priority.value() + "' to '"
            + c.priority.value() + "'");
      }
      k.priority = c.priority;
      k.priorityRationale = c.priorityRationale;
    } else if (c.priority.ordinal() < k.priority.ordinal()) {
      k.priority = c.priority;
      k.priorityRationale = c.priorityRationale + " (highest of the merged statements)";
    }
    if (k.type == RequirementDraft.Type.FUNCTIONAL) {
      if (c.key.size() > k.key.size() && c.key.containsAll(k.key)) {
        k.title = c.title;
        k.subject = c.subject;
        k.feature = c.feature;
      }
    } else {
      mergeTarget(k, c, feedbackChanges);
    }
    k.refresh();
  }

  private static void mergeTarget(RequirementDraft k, RequirementDraft c, boolean feedbackChanges) {
    if (c.target == null) {
      return;
    }
    if (k.target == null || feedbackChanges && !c.target.display().equals(k.target.display())) {
      if (k.target != null) {
        k.notes.add(k.title + " changed by reviewer feedback from " + k.target.display() + " to "
            + c.target.display());
      }
      replace(k, c);
      return;
    }
    if (k.target.value() == null || c.target.value() == null) {
      if (k.category.equals("export_format") && !k.target.display().equals(c.target.display())) {
        List<String> formats = new ArrayList<>(List.of(k.target.display().split(", ")));
        for (String f : c.target.display().split(", ")) {
          if (!formats.contains(f)) {
            formats.add(f);
          }
        }
        String list = String.join(", ", formats);
        k.target = new Target("formats", "in", null, null, list, null, false);
        k.phrase = (k.phrase.startsWith("offer") ? "offer exports in " : "deliver reports in ")
            + ExportFormats.joined(formats);
        k.rawCriteria.addAll(c.rawCriteria.stream().filter(x -> !k.rawCriteria.contains(x)).toList());
      }
      return;
    }
    if (c.target.assumed() || k.target.display().equals(c.target.display())) {
      return;
    }
    boolean cStricter = k.target.assumed() || stricter(c.target, k.target);
    String kept = cStricter ? c.target.display() : k.target.display();
    if (!k.target.assumed()) {
      k.notes.add("conflicting figures for " + k.title.toLowerCase() + ": " + k.target.display() + " (\""
          + k.statements.get(0).text() + "\") and " + c.target.display() + " (\"" + c.statements.get(0).text()
          + "\"); kept the stricter " + kept);
      k.rawQuestions.add("Which figure is right for " + k.title.toLowerCase() + " of {scope}: "
          + k.target.display() + " or " + c.target.display() + "?");
    }
    if (cStricter) {
      replace(k, c);
    }
  }

  private static void replace(RequirementDraft k, RequirementDraft c) {
    List<String> keptQuestions = k.rawQuestions.stream().filter(q -> q.startsWith("Which figure")).toList();
    k.target = c.target;
    k.phrase = c.phrase;
    k.rawCriteria.clear();
    k.rawCriteria.addAll(c.rawCriteria);
    k.rawQuestions.clear();
    k.rawQuestions.addAll(keptQuestions);
    k.rawQuestions.addAll(c.rawQuestions);
  }

  /** Whether target a is stricter than b: a smaller maximum or a larger minimum. */
  static boolean stricter(Target a, Target b) {
    double va = comparable(a);
    double vb = comparable(b);
    return a.comparator().equals("<=") ? va < vb : va > vb;
  }

  private static double comparable(Target t) {
    if (t.iso() != null) {
      return new Quantity(t.value(), t.unit(), Quantity.Kind.TIME, t.display()).seconds();
    }
    return t.value();
  }
}
