package org.openforge.agent.discovery.stakeholder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.discovery.text.Feature;
import org.openforge.agent.discovery.text.Quality;
import org.openforge.agent.discovery.text.Sentence;
import org.openforge.agent.discovery.text.Trace;

/**
 * A stakeholder's concerns: the sentences that name them ("stated"), the needs the input listed for them ("given"),
 * the needs their category has for each topic the requirements touch ("Export capabilities" → users need exports),
 * and their role's standing need.
 */
final class ConcernMapper {

  private ConcernMapper() {}

  static List<Concern> concerns(StakeholderDraft c, List<Sentence> requirements) {
    List<Concern> out = new ArrayList<>();
    for (Mention m : c.mentions) {
      Trace t = Trace.of(m.sentence());
      if (out.stream().noneMatch(x -> x.topic().equals("stated") && x.sources().contains(t))) {
        out.add(new Concern("stated", m.sentence().text(), List.of(t)));
      }
    }
    for (int i = 0; i < c.givenConcerns.size(); i++) {
      String text = c.givenConcerns.get(i);
      out.add(new Concern("given", text, List.of(new Trace(c.field + ".concerns[" + i + "]", text, null))));
    }
    Map<String, List<Trace>> byTopic = new LinkedHashMap<>();
    for (Sentence s : requirements) {
      for (String topic : topics(s.text())) {
        if (ConcernCatalog.need(c.profile.category(), topic) != null) {
          byTopic.computeIfAbsent(topic, k -> new ArrayList<>()).add(Trace.of(s));
        }
      }
    }
    byTopic.forEach((topic, sources) ->
        out.add(new Concern(topic, ConcernCatalog.need(c.profile.category(), topic), List.copyOf(sources))));
    out.add(new Concern("role", c.profile.standingConcern(),
        List.of(new Trace("role", c.role(), null))));
    return out;
  }

  private static List<String> topics(String text) {
    List<String> topics = new ArrayList<>();
    List<Feature> features = Feature.detect(text);
    for (Feature f : features) {
      if (f != Feature.ANALYSIS || features.size() == 1) {
        topics.add(f.value());
      }
    }
    for (Quality q : Quality.detect(text)) {
      topics.add(q.value().equals("export_format") ? "export" : q.value());
    }
    return topics.stream().distinct().toList();
  }
}
