package org.openforge.agent.discovery.requirements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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

  static List<Statement> carried(Artifact previous) throws JsonProcessingException {
    List<Statement> out = new ArrayList<>();
    if (previous == null || previous.content() == null) {
      return out;
    }
    String from = previous.name() + " v" + previous.version();
    JsonNode sources = DiscoveryJson.read(previous.content()).path("sources");
    for (int i = 0; i < sources.size(); i++) {
      JsonNode s = sources.get(i);
      String field = s.path("field").asText();
      Origin origin = field.startsWith("input_data.initial_requirements") ? Origin.INITIAL_REQUIREMENT
          : field.startsWith("input_data.requirements") ? Origin.REQUIREMENT
          : field.equals(BriefText.REVIEWER_FEEDBACK) ? Origin.REVIEWER_FEEDBACK : null;
      if (origin != null) {
        Sentence sentence = new Sentence(field, i, s.path("text").asText(),
            s.hasNonNull("lead_in") ? s.path("lead_in").asText() : null);
        String carriedFrom = s.hasNonNull("carried_from") ? s.path("carried_from").asText() : from;
        out.add(new Statement(sentence, origin, null, carriedFrom));
      }
    }
    return out;
  }
}
