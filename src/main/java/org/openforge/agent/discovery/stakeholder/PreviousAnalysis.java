package org.openforge.agent.discovery.stakeholder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.openforge.agent.discovery.DiscoveryJson;
import org.openforge.engagement.Artifact;

/**
 * The stakeholders given in input to an earlier analysis of the engagement. A phase agent re-run for rework gets no
 * {@code input_data}; the stakeholders someone listed before must not be lost.
 */
final class PreviousAnalysis {

  private PreviousAnalysis() {}

  static List<StakeholderDraft> givenStakeholders(Artifact previous) throws JsonProcessingException {
    List<StakeholderDraft> out = new ArrayList<>();
    if (previous == null || previous.content() == null) {
      return out;
    }
    JsonNode stakeholders = DiscoveryJson.read(previous.content()).path("stakeholders");
    for (int i = 0; i < stakeholders.size(); i++) {
      JsonNode s = stakeholders.get(i);
      if (!s.path("source").asText().startsWith("input") && !s.path("source").asText().equals("previous_analysis")) {
        continue;
      }
      String field = previous.name() + " v" + previous.version() + " stakeholders[" + i + "]";
      StakeholderDraft c = new StakeholderDraft(StakeholderDraft.Origin.PREVIOUS_ANALYSIS,
          s.path("name").asText(), field,
          s.path("role").asText(null));
      StakeholderInput.resolve(c);
      out.add(c);
    }
    return out;
  }
}
