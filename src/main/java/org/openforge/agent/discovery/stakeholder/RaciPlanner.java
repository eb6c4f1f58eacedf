package org.openforge.agent.discovery.stakeholder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openforge.process.Phase;

/**
 * Suggests RACI for the four phase sign-offs. The sponsor (the most influential executive, else the most influential
 * stakeholder) is accountable for every sign-off. Business stakeholders are responsible for the discovery sign-off
 * (their requirements), the technical team for design, build and deploy; governance and compliance are consulted
 * where data models and production are decided, users during build (acceptance testing); everyone else is informed.
 */
final class RaciPlanner {

  private static final Set<Category> BUSINESS = EnumSet.of(Category.MANAGEMENT, Category.BUSINESS_USER);
  private static final Set<Category> GOVERNANCE = EnumSet.of(Category.DATA_GOVERNANCE, Category.COMPLIANCE);
  static final String DELIVERY_TEAM = "Open Forge delivery team";

  private RaciPlanner() {}

  static List<SignOff> plan(List<Stakeholder> stakeholders) {
    Stakeholder sponsor = sponsor(stakeholders);
    String note = sponsor.category() == Category.EXECUTIVE ? null
        : "no executive named: " + sponsor.name() + " is accountable as the most influential stakeholder (to confirm)";
    List<SignOff> out = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      if (!phase.isWorkPhase()) {
        continue;
      }
      Set<Category> responsible = switch (phase) {
        case DISCOVERY -> BUSINESS;
        default -> EnumSet.of(Category.TECHNICAL);
      };
      Set<Category> consulted = switch (phase) {
        case DISCOVERY -> EnumSet.of(Category.TECHNICAL, Category.DATA_GOVERNANCE);
        case DESIGN -> EnumSet.of(Category.DATA_GOVERNANCE, Category.COMPLIANCE, Category.MANAGEMENT);
        case BUILD -> EnumSet.of(Category.BUSINESS_USER, Category.MANAGEMENT, Category.DATA_GOVERNANCE);
        default -> EnumSet.of(Category.COMPLIANCE, Category.DATA_GOVERNANCE, Category.MANAGEMENT);
      };
      List<String> r = names(stakeholders, sponsor, responsible);
      if (r.isEmpty()) {
        r = phase == Phase.DISCOVERY ? List.of(sponsor.name()) : List.of(DELIVERY_TEAM);
      }
      List<String> c = names(stakeholders, sponsor, consulted);
      List<String> i = new ArrayList<>();
      for (Stakeholder s : stakeholders) {
        if (s != sponsor && !r.contains(s.name()) && !c.contains(s.name())) {
          i.add(s.name());
        }
      }
      out.add(new SignOff(phase.value(), phase.outputs(), r, sponsor.name(), c, i, note));
    }
    return out;
  }

  static Stakeholder sponsor(List<Stakeholder> stakeholders) {
    Comparator<Stakeholder> rank = Comparator
        .comparing((Stakeholder s) -> Roles.known(s.role()).filter(p -> p == Roles.EXECUTIVE_SPONSOR).isPresent())
        .thenComparing(s -> s.category() == Category.EXECUTIVE)
        .thenComparingInt(s -> s.influence().score())
        .thenComparingInt(s -> s.interest().score());
    Stakeholder best = stakeholders.get(0);
    for (Stakeholder s : stakeholders) {
      if (rank.compare(s, best) > 0) {
        best = s;
      }
    }
    return best;
  }

  private static List<String> names(List<Stakeholder> stakeholders, Stakeholder sponsor, Set<Category> categories) {
    return stakeholders.stream().filter(s -> s != sponsor && categories.contains(s.category()))
        .map(Stakeholder::name).toList();
  }
}
