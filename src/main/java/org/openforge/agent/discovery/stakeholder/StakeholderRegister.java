package org.openforge.agent.discovery.stakeholder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the register: the stakeholders given in input first, then each mention in the text attached to the
 * stakeholder it names ("VP of Sales" is the given "Sales VP"; a bare "users" is the only business-user group) or
 * added as a new stakeholder. Mentions that could be any of several stakeholders are kept as ambiguities.
 */
final class StakeholderRegister {

  /** Words so general that, alone, they name whichever stakeholder of their kind the register has. */
  private static final Set<String> GENERIC = Set.of("user", "manager", "executive", "leadership", "staff",
      "employee", "worker", "supervisor", "team");

  final List<StakeholderDraft> candidates = new ArrayList<>();
  final List<String> ambiguities = new ArrayList<>();

  StakeholderRegister(List<StakeholderDraft> given) {
    candidates.addAll(given);
  }

  void add(List<Mention> mentions) {
    for (Mention m : mentions) {
      List<StakeholderDraft> exact = candidates.stream().filter(c -> c.key.equals(m.key())).toList();
      if (!exact.isEmpty()) {
        exact.get(0).mentions.add(m);
        continue;
      }
      List<StakeholderDraft> wider = candidates.stream()
          .filter(c -> c.key.containsAll(m.key()) && c.profile.category() == m.profile().category()).toList();
      if (wider.size() == 1) {
        wider.get(0).mentions.add(m);
        continue;
      }
      if (wider.isEmpty() && m.qualifier().isEmpty() && GENERIC.containsAll(m.key())) {
        List<StakeholderDraft> sameKind = candidates.stream()
            .filter(c -> c.profile.category() == m.profile().category()).toList();
        if (sameKind.size() == 1) {
          StakeholderDraft only = sameKind.get(0);
          only.mentions.add(m);
          only.notes.add("'" + m.name() + "' in the " + m.sentence().field() + " read as " + only.name
              + ", the only " + m.profile().category().value().replace('_', ' ') + " stakeholder");
          continue;
        }
        wider = sameKind;
      }
      if (wider.size() > 1) {
        ambiguities.add("'" + m.name() + "' in \"" + m.sentence().text() + "\" could be any of "
            + String.join(", ", wider.stream().map(c -> c.name).toList()) + ": which one is meant?");
        continue;
      }
      StakeholderDraft c = new StakeholderDraft(StakeholderDraft.Origin.TEXT, m.name(), m.sentence().field(), null);
      boolean sponsor = m.sponsors() && m.profile().category() == Category.EXECUTIVE;
      c.profile = sponsor ? Roles.EXECUTIVE_SPONSOR : m.profile();
      c.profileBasis = "lexicon match '" + m.name() + "'"
          + (sponsor ? "; sponsor in \"" + m.sentence().text() + "\"" : "");
      c.key = m.key();
      c.qualifier = m.qualifier();
      c.mentions.add(m);
      candidates.add(c);
    }
  }
}
