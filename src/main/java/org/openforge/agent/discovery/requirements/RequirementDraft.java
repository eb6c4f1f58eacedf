package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openforge.agent.discovery.text.Cadence;
import org.openforge.agent.discovery.text.Feature;
import org.openforge.agent.discovery.text.Moscow;
import org.openforge.agent.discovery.text.Words;

/**
 * A requirement while the document is being built: extracted from a statement, merged with its duplicates, then
 * numbered. {@link #refresh()} rewrites the statement, criteria and questions from the parts after every change.
 */
final class RequirementDraft {

  enum Type { FUNCTIONAL, NON_FUNCTIONAL }

  final Type type;
  final String category;
  Feature feature;
  /** the analytical ask, when the statement is one ("monthly revenue by category") */
  Metric metric;
  String title;
  String subject;
  String phrase;
  /** who the statement says acts ("analysts"), for functional requirements */
  String actor;
  String scope;
  Moscow priority;
  String priorityRationale;
  Cadence cadence;
  final Set<String> dimensions = new LinkedHashSet<>();
  final List<String> figures = new ArrayList<>();
  Target target;
  final List<String> rawCriteria = new ArrayList<>();
  final List<String> rawQuestions = new ArrayList<>();
  final List<Statement> statements = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  Set<String> key;
  /** "added" or "changed" when the reviewer's feedback added or changed it */
  String feedbackChange;

  String statement;
  List<String> criteria = List.of();
  List<String> questions = List.of();

  RequirementDraft(Type type, String category) {
    this.type = type;
    this.category = category;
  }

  /** Whether a statement of the current reviewer feedback is among its sources. */
  boolean fromFeedback() {
    return statements.stream().anyMatch(s -> s.origin() == Origin.REVIEWER_FEEDBACK && s.carriedFrom() == null);
  }

  void refresh() {
    if (type == Type.FUNCTIONAL) {
      statement = Phrases.statement(title, priority, actor);
      criteria = metric != null ? FunctionalCriteria.metric(metric, feature, subject, cadence, figures)
          : feature == null ? FunctionalCriteria.general(statements.get(0).text())
          : FunctionalCriteria.criteria(feature, subject, cadence, List.copyOf(dimensions), List.copyOf(figures));
      questions = List.of();
    } else {
      statement = Words.capitalize(scope) + " " + Phrases.modal(priority) + " " + phrase + ".";
      criteria = rawCriteria.stream().map(this::scoped).toList();
      questions = rawQuestions.stream().map(this::scoped).toList();
    }
  }

  private String scoped(String text) {
    return text.replace("{Scope}", Words.capitalize(scope)).replace("{scope}", scope);
  }
}
