package org.openforge.agent.discovery.stakeholder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.discovery.InputValues;
import org.openforge.agent.discovery.text.Sentence;
import org.openforge.agent.discovery.text.Words;

/**
 * Reads {@code input_data.stakeholders}: objects {@code {name, role, influence?, interest?, concerns?}} or plain
 * strings ("CFO", "Regional managers (primary users)"). The role profile comes from the role as given, else from the
 * role's wording, else from the name through the stakeholder lexicon.
 */
final class StakeholderInput {

  private StakeholderInput() {}

  static List<StakeholderDraft> read(Object raw, String fieldName) {
    List<StakeholderDraft> out = new ArrayList<>();
    List<Object> items = InputValues.items(raw);
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      String field = fieldName + "[" + i + "]";
      StakeholderDraft c;
      if (item instanceof Map<?, ?> map) {
        String name = InputValues.text(map, "name", "title", "stakeholder", "group", "role");
        if (name == null) {
          continue;
        }
        c = new StakeholderDraft(StakeholderDraft.Origin.INPUT, name, field, InputValues.text(map, "role", "type"));
        c.givenInfluence = InputValues.score(map, "influence");
        c.givenInterest = InputValues.score(map, "interest");
        for (String key : List.of("concerns", "needs", "interests", "goals")) {
          for (Object concern : InputValues.items(map.get(key))) {
            c.givenConcerns.add(concern.toString());
          }
        }
      } else {
        String text = item.toString().strip();
        if (text.isEmpty()) {
          continue;
        }
        int paren = text.indexOf('(');
        boolean roleInParens = paren > 0 && text.endsWith(")");
        String name = roleInParens ? text.substring(0, paren).strip() : text;
        String role = roleInParens ? text.substring(paren + 1, text.length() - 1).strip() : null;
        c = new StakeholderDraft(StakeholderDraft.Origin.INPUT, name, field, role);
      }
      resolve(c);
      out.add(c);
    }
    return out;
  }

  /** Picks the role profile and the matching key of a candidate from its role and name. */
  static void resolve(StakeholderDraft c) {
    Optional<Mention> inName = MentionFinder.find(new Sentence(c.field, 0, c.name, null)).stream().findFirst();
    c.key = MentionFinder.key(c.name);
    c.qualifier = inName.map(Mention::qualifier).orElse("");
    Optional<RoleProfile> byRole = Roles.known(c.givenRole);
    if (byRole.isPresent()) {
      boolean exact = byRole.get().role().equals(Words.snake(c.givenRole));
      c.profile = byRole.get();
      c.profileBasis = exact ? "role as given" : "role wording '" + c.givenRole + "'";
    } else if (inName.isPresent()) {
      c.profile = inName.get().profile();
      c.profileBasis = "name '" + c.name + "'";
    } else if (Roles.known(c.name).isPresent()) {
      c.profile = Roles.known(c.name).get();
      c.profileBasis = "name '" + c.name + "'";
    } else {
      c.profile = Roles.OTHER;
      c.profileBasis = "default (role not recognised)";
    }
  }
}
