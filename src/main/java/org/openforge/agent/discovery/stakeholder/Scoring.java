package org.openforge.agent.discovery.stakeholder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openforge.agent.discovery.text.Dimensions;
import org.openforge.agent.discovery.text.Sentence;
import org.openforge.agent.discovery.text.Words;

/**
 * Influence and interest, 1–5: the role's base score, then one point per signal in the text — a decision role near
 * the mention raises influence; being named in the objective, named as user or beneficiary, named more than once,
 * or having one's area (the "regional" of regional managers) in the brief raises interest. Scores given in input are
 * taken as they are.
 */
final class Scoring {

  /** Qualifiers too general to say the brief is about someone's area. */
  private static final Set<String> GENERIC_QUALIFIERS = Set.of("data", "business", "end", "power", "senior",
      "junior", "executive", "leadership", "management", "key", "technical", "it", "platform", "engineering",
      "support", "service", "project", "program", "programme", "steering", "system", "source", "process",
      "front-line", "frontline", "global", "local", "digital", "web", "network", "analytics", "bi", "people");

  private Scoring() {}

  static Score influence(StakeholderDraft c) {
    if (c.givenInfluence != null) {
      return new Score(c.givenInfluence, List.of(c.givenInfluence + ": given in " + c.field + ".influence"));
    }
    List<String> steps = new ArrayList<>();
    int score = c.profile.influence();
    steps.add(score + ": base for role '" + c.profile.role() + "' (" + c.profile.category().value() + ")");
    Optional<Mention> decides = c.mentions.stream().filter(Mention::decides).findFirst();
    if (decides.isPresent()) {
      score++;
      steps.add("+1: decision role in the " + decides.get().sentence().field() + ": \""
          + decides.get().sentence().text() + "\"");
    }
    return clamp(score, steps);
  }

  static Score interest(StakeholderDraft c, List<Sentence> brief) {
    if (c.givenInterest != null) {
      return new Score(c.givenInterest, List.of(c.givenInterest + ": given in " + c.field + ".interest"));
    }
    List<String> steps = new ArrayList<>();
    int score = c.profile.interest();
    steps.add(score + ": base for role '" + c.profile.role() + "' (" + c.profile.category().value() + ")");
    Optional<Mention> inObjective = c.mentions.stream().filter(m -> m.sentence().field().equals("objective"))
        .findFirst();
    if (inObjective.isPresent()) {
      score++;
      steps.add("+1: named in the objective: \"" + inObjective.get().sentence().text() + "\"");
    }
    Optional<Mention> benefits = c.mentions.stream().filter(Mention::benefits).findFirst();
    if (benefits.isPresent()) {
      score++;
      steps.add("+1: named as user or beneficiary: \"" + benefits.get().sentence().text() + "\"");
    }
    long sentences = c.mentions.stream().map(Mention::sentence).distinct().count();
    if (sentences > 1) {
      score++;
      steps.add("+1: named in " + sentences + " sentences");
    }
    Optional<String> area = areaInBrief(c, brief);
    if (area.isPresent()) {
      score++;
      steps.add("+1: " + area.get());
    }
    return clamp(score, steps);
  }

  /** Whether the stakeholder's area (a specific qualifier of their name) is a subject of the brief. */
  private static Optional<String> areaInBrief(StakeholderDraft c, List<Sentence> brief) {
    for (String word : Words.tokens(c.qualifier)) {
      if (GENERIC_QUALIFIERS.contains(word)) {
        continue;
      }
      String area = Dimensions.normalize(word);
      for (Sentence s : brief) {
        boolean mentionsThem = c.mentions.stream().anyMatch(m -> m.sentence().equals(s));
        if (!mentionsThem && Words.tokens(s.text()).stream().map(Dimensions::normalize).anyMatch(area::equals)) {
          return Optional.of("their area ('" + word + "') is a subject of the " + s.field() + ": \"" + s.text()
              + "\"");
        }
      }
    }
    return Optional.empty();
  }

  private static Score clamp(int score, List<String> steps) {
    if (score > 5) {
      steps.add("capped at 5");
      return new Score(5, List.copyOf(steps));
    }
    return new Score(Math.max(1, score), List.copyOf(steps));
  }
}
