package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import org.openforge.agent.discovery.BriefText;
import org.openforge.agent.discovery.text.Moscow;
import org.openforge.agent.discovery.text.Trace;
import org.openforge.engagement.Priority;

/**
 * Runs the extractor over every statement and merges duplicates as they come. Statements that describe how things
 * are today, or say nothing requirement-like without asking for anything, are kept as context; statements that ask
 * for something the extractor does not recognise are kept as unclassified, to be questioned.
 */
final class Extraction {

  final Deduplicator requirements = new Deduplicator();
  final List<Statement> unclassified = new ArrayList<>();
  final List<Trace> context = new ArrayList<>();
  int found;

  static Extraction of(List<Statement> statements, Priority priority) {
    Extraction e = new Extraction();
    for (Statement s : statements) {
      if (s.origin() == Origin.DESCRIPTION && Phrases.describesCurrentState(s.text())) {
        e.context.add(s.trace());
        continue;
      }
      List<RequirementDraft> candidates = RequirementExtractor.extract(s, PriorityRule.decide(s, priority));
      if (s.sentence().field().equals(BriefText.TASK_DESCRIPTION)) {
        // a task's description mostly says what the task is ("Analyze key stakeholders"): only its analytical asks
        // and stated qualities are requirements; the rest is left out
        candidates = candidates.stream().filter(c -> c.metric != null || c.type == RequirementDraft.Type.NON_FUNCTIONAL)
            .toList();
        if (candidates.isEmpty()) {
          continue;
        }
      }
      if (candidates.isEmpty()) {
        boolean asks = Moscow.detect(s.text()).isPresent() || s.origin() != Origin.DESCRIPTION;
        if (asks) {
          e.unclassified.add(s);
        } else {
          e.context.add(s.trace());
        }
      }
      e.found += candidates.size();
      candidates.forEach(e.requirements::add);
    }
    return e;
  }

  List<RequirementDraft> kept() {
    return requirements.kept;
  }

  /** Marks the requirements the current reviewer feedback added (only from it) or changed (merged into). */
  void markFeedback() {
    for (RequirementDraft c : kept()) {
      if (c.fromFeedback()) {
        boolean onlyFeedback = c.statements.stream()
            .allMatch(s -> s.origin() == Origin.REVIEWER_FEEDBACK && s.carriedFrom() == null);
        c.feedbackChange = onlyFeedback ? "added" : "changed";
      }
    }
  }
}
