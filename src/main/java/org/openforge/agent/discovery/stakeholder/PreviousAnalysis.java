package org.openforge.agent.discovery.stakeholder;

import com.fasterxml.jackson.core.JsonProcessingException;
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

  static List<StakeholderDraft> givenStakeholders(Artifact previous, DiscoveryJson json) throws JsonProcessingException {
    List<StakeholderDraft> out = new ArrayList<>();
    if (previous == null || previous.content() == null) {
      return out;
    }
    List<Stakeholder> stakeholders = json.read(previous.content(), StakeholderAnalysis.class).stakeholders();
    for (int i = 0; stakeholders != null && i < stakeholders.size(); i++) {
      Stakeholder s = stakeholders.get(i);
      String source = s.source() == null ? "" : s.source();
      if (!source.startsWith("input") && !source.equals("previous_analysis")) {
        continue;
      }
      String field = previous.name() + " v" + previous.version() + " stakeholders[" + i + "]";
      StakeholderDraft c = new StakeholderDraft(StakeholderDraft.Origin.PREVIOUS_ANALYSIS, s.name() == null ? "" : s.name(), field,
          s.role());
      StakeholderInput.resolve(c);
      out.add(c);
    }
    return out;
  }
}
