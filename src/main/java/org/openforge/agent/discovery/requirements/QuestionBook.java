package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openforge.agent.discovery.text.Trace;

/**
 * Collects open questions, each once, with the requirements they are about, then numbers them, ...:
 * the detectors' questions (missing figures), the tensions, the ambiguities of each statement, and the statements
 * that ask for something unrecognised.
 */
final class QuestionBook {

  private record Entry(String kind, Set<String> requirements, Trace source) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  void add(String question, String kind, List<String> requirementIds, Trace source) {
    Entry e = entries.computeIfAbsent(question, q -> new Entry(kind, new LinkedHashSet<>(), source));
    e.requirements().addAll(requirementIds);
  }

  static List<OpenQuestion> collect(List<Statement> statements, Extraction extraction,
      List<Tensions.Tension> tensions, Map<RequirementDraft, String> ids) {
    QuestionBook book = new QuestionBook();
    List<RequirementDraft> kept = extraction.kept();
    for (RequirementDraft c : kept) {
      for (String q : c.questions) {
        book.add(q, c.target != null && c.target.assumed() ? "ambiguity" : "missing_detail", List.of(ids.get(c)),
            c.statements.get(0).trace());
      }
    }
    for (Tensions.Tension t : tensions) {
      book.add(t.question(), "conflict", List.of(ids.get(t.a()), ids.get(t.b())), t.a().statements.get(0).trace());
    }
    for (Statement s : statements) {
      List<String> about = kept.stream().filter(c -> c.statements.contains(s)).map(ids::get).toList();
      RequirementDraft functional = kept.stream()
          .filter(c -> c.statements.contains(s) && c.type == RequirementDraft.Type.FUNCTIONAL).findFirst().orElse(null);
      for (AmbiguityFinder.Finding f : AmbiguityFinder.find(s, functional)) {
        book.add(f.question(), f.kind(), about, s.trace());
      }
    }
    for (Statement s : extraction.unclassified) {
      book.add("What is required by \"" + s.text() + "\"? It names no feature or quality this gatherer"
          + " recognises; restate it as what the solution must do or how well.", "unclassified", List.of(),
          s.trace());
    }
    return book.questions();
  }

  List<OpenQuestion> questions() {
    List<OpenQuestion> out = new ArrayList<>();
    entries.forEach((question, e) -> out.add(new OpenQuestion("Q-" + (out.size() + 1), e.kind(), question,
        List.copyOf(e.requirements()), e.source())));
    return out;
  }
}
