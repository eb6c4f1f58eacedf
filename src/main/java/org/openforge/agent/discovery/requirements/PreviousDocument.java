package org.openforge.agent.discovery.requirements;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.openforge.agent.discovery.BriefText;
import org.openforge.agent.discovery.DiscoveryJson;
import org.openforge.agent.discovery.text.Sentence;
import org.openforge.engagement.Artifact;

/**
 * The input statements and earlier reviewer feedback of the previous requirements document, to carry over into a
 * rework run: a phase agent re-run after a rejected sign-off gets no {@code input_data}.
 */
final class PreviousDocument {

  private PreviousDocument() {}

  static List<Statement> carried(Artifact previous, DiscoveryJson json) throws JsonProcessingException {
    List<Statement> out = new ArrayList<>();
    if (previous == null || previous.content() == null) {
      return out;
    }
    String from = previous.name() + " v" + previous.version();
    List<RequirementsDocument.Source> sources = json.read(previous.content(), RequirementsDocument.class).sources();
    for (int i = 0; sources != null && i < sources.size(); i++) {
      RequirementsDocument.Source s = sources.get(i);
      String field = s.field() == null ? "" : s.field();
      Origin origin = field.startsWith("input_data.initial_requirements") ? Origin.INITIAL_REQUIREMENT
          : field.startsWith("input_data.requirements") ? Origin.REQUIREMENT
          : field.equals(BriefText.REVIEWER_FEEDBACK) ? Origin.REVIEWER_FEEDBACK : null;
      if (origin != null) {
        Sentence sentence = new Sentence(field, i, s.text() == null ? "" : s.text(), s.leadIn());
        out.add(new Statement(sentence, origin, null, s.carriedFrom() != null ? s.carriedFrom() : from));
      }
    }
    return out;
  }
}
