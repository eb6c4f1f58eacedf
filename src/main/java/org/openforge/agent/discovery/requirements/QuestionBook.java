package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openforge.agent.discovery.text.Trace;

/** Collects open questions, each once, with the requirements they are about; then numbers them, ... */
final class QuestionBook {

  private record Entry(String kind, Set<String> requirements, Trace source) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  void add(String question, String kind, List<String> requirementIds, Trace source) {
    Entry e = entries.computeIfAbsent(question, q -> new Entry(kind, new LinkedHashSet<>(), source));
    e.requirements().addAll(requirementIds);
  }

  List<OpenQuestion> questions() {
    List<OpenQuestion> out = new ArrayList<>();
    entries.forEach((question, e) -> out.add(new OpenQuestion("Q-" + (out.size() + 1), e.kind(), question,
        List.copyOf(e.requirements()), e.source())));
    return out;
  }
}
