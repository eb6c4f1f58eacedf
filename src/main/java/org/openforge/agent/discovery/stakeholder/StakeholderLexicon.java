package org.openforge.agent.discovery.stakeholder;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The words that name stakeholders in free text: role head nouns ("managers", "VP", "team") with the qualifiers that
 * may precede them ("regional", "finance", "supply chain") or follow them ("of Sales"). A head says how it may
 * appear: alone, only with a qualifier, only with "of ..." or only where the sentence makes it an actor.
 */
final class StakeholderLexicon {

  /** How a head noun has to appear to count as a stakeholder. */
  enum Rule {
    /** alone is enough: "dispatchers", "the CFO" */
    BARE,
    /** needs a qualifier: "support agents", "delivery drivers", "finance team" */
    QUALIFIED,
    /** needs "of ...": "Head of Logistics" */
    OF,
    /** needs an actor cue: "for customers", "carriers can see" */
    ACTOR
  }

  /** A head noun, how it may appear, and the role profile it implies (given its qualifier words). */
  /** A head noun: {@code probe} finds the head word alone — a cheap test before the full pattern with qualifiers. */
  record Head(Pattern pattern, Pattern probe, Rule rule, Function<String, RoleProfile> profile) {}

  static final String QUALIFIERS = String.join("|", List.of("customer success", "customer service",
      "customer support", "supply chain", "data science", "data engineering", "data protection",
      "business intelligence", "human resources", "key account", "investor relations", "senior", "junior",
      "regional", "area", "district", "country", "national", "global", "local", "field", "store", "branch", "site",
      "plant", "warehouse", "fleet", "transport", "transportation", "delivery", "logistics", "dispatch",
      "operations", "operational", "ops", "sales", "marketing", "finance", "financial", "accounting", "treasury",
      "tax", "procurement", "purchasing", "product", "category", "account", "retention", "growth", "crm", "revenue",
      "pricing", "merchandising", "planning", "inventory", "quality", "manufacturing", "production", "clinical",
      "medical", "nursing", "claims", "underwriting", "credit", "risk", "legal", "compliance", "security", "audit",
      "data", "analytics", "bi", "platform", "engineering", "technical", "hr", "people", "executive", "leadership",
      "steering", "project", "program", "programme", "business", "end", "power", "front-line", "frontline",
      "support", "service", "commercial", "e-commerce", "ecommerce", "digital", "web", "network", "governance",
      "management", "strategy", "customer", "(?-i:IT)", "privacy", "process", "system", "source", "depot", "hub",
      "terminal", "station", "route", "shift", "floor", "ward", "clinic", "hospital", "restaurant", "hotel",
      "property", "portfolio", "fund", "loan", "territory", "zone", "market", "brand", "channel", "campaign",
      "shop", "outlet", "franchise", "call center", "contact center", "school", "facility", "fleet"));

  private static final Set<String> TECHNICAL_QUALIFIERS = Set.of("data", "analytics", "bi", "business intelligence",
      "platform", "engineering", "technical", "it", "data engineering", "data science", "system", "network");
  private static final Set<String> COMPLIANCE_QUALIFIERS = Set.of("legal", "compliance", "security", "audit",
      "risk", "privacy", "data protection");
  private static final Set<String> EXECUTIVE_QUALIFIERS = Set.of("steering", "executive", "leadership",
      "management", "senior");

  static final List<Head> HEADS = List.of(
      head("chief [a-z]+(?: [a-z]+)? officers?", Rule.BARE, q -> Roles.SENIOR_EXECUTIVE),
      head("(?-i:CISO|DPO)s?", Rule.BARE, q -> Roles.COMPLIANCE),
      head("(?-i:C[A-Z]{1,3}O)s?", Rule.BARE, q -> Roles.SENIOR_EXECUTIVE),
      head("(?:(?-i:S|E)?(?-i:VP)|vice[- ]presidents?|vps)", Rule.BARE, q -> Roles.SENIOR_EXECUTIVE),
      head("(?:managing |general )?directors?", Rule.BARE, q -> Roles.SENIOR_EXECUTIVE),
      head("heads?", Rule.OF, q -> Roles.SENIOR_EXECUTIVE),
      head("executives|leadership|board of directors|board members|c-suite", Rule.BARE, q -> Roles.SENIOR_EXECUTIVE),
      head("executive", Rule.QUALIFIED, q -> Roles.SENIOR_EXECUTIVE),
      head("sponsors?(?!\\s+(?:this|the|our|a|an|it|all|its|their)\\b)", Rule.BARE, q -> Roles.EXECUTIVE_SPONSOR),
      head("owners?", Rule.QUALIFIED, q -> q.contains("data") || q.contains("source") || q.contains("system")
          ? Roles.DATA_OWNER : Roles.BUSINESS_OWNER),
      head("stewards?", Rule.QUALIFIED, q -> Roles.DATA_STEWARD),
      head("project managers?|program(?:me)? managers?", Rule.BARE, q -> Roles.PROJECT_MANAGER),
      head("managers|supervisors|team leads?|team leaders?", Rule.BARE, q -> Roles.MANAGER),
      head("manager|supervisor|leaders?|coordinators?", Rule.QUALIFIED, q -> Roles.MANAGER),
      head("users", Rule.BARE, q -> q.contains("power") ? Roles.PRIMARY_USERS : Roles.END_USER),
      head("user(?!\\s+(?:interfaces?|experiences?|stor(?:y|ies)|accounts?|ids?|names?|guides?|base))",
          Rule.QUALIFIED, q -> q.contains("power") ? Roles.PRIMARY_USERS : Roles.END_USER),
      head("analysts?", Rule.BARE, q -> Roles.ANALYST),
      head("planners?|dispatchers?|reps|representatives?|buyers?|merchandisers?|accountants?|clerks?|nurses?"
          + "|clinicians?|physicians?|underwriters?|marketers?|recruiters?|salespeople|salesperson|sellers?"
          + "|controllers?|schedulers?|forecasters?|(?:delivery|truck|van|fleet|transport) drivers?", Rule.BARE,
          q -> Roles.END_USER),
      head("agents?|associates?|operators?|staff|employees|workers|specialists?|officers?", Rule.QUALIFIED,
          q -> COMPLIANCE_QUALIFIERS.stream().anyMatch(q::contains) ? Roles.COMPLIANCE : Roles.END_USER),
      head("teams?|departments?|committees?|squads?|office", Rule.QUALIFIED,
          StakeholderLexicon::groupProfile),
      head("data scientists?|data engineers?|engineers?|developers?|architects?|administrators?|admins|dbas?",
          Rule.BARE, q -> Roles.TECHNICAL_SUPPORT),
      head("scientists?", Rule.QUALIFIED, q -> Roles.TECHNICAL_SUPPORT),
      head("auditors?|regulators?|lawyers?|legal counsel", Rule.BARE, q -> Roles.COMPLIANCE),
      head("subject[- ]matter experts?|smes|domain experts?", Rule.BARE, q -> Roles.SUBJECT_MATTER_EXPERT),
      head("drivers|couriers|technicians|agents|operators", Rule.ACTOR, q -> Roles.END_USER),
      head("business partners?", Rule.BARE, q -> Roles.END_USER),
      head("customers|clients|partners|suppliers|carriers|vendors|distributors|resellers|franchisees|patients"
          + "|members|citizens|shippers|consignees", Rule.ACTOR, q -> Roles.EXTERNAL));

  private StakeholderLexicon() {}

  private static Head head(String words, Rule rule, Function<String, RoleProfile> profile) {
    String qualifier = "(?:" + QUALIFIERS + ")";
    return new Head(Pattern.compile("(?i)(?<![\\w-])(?<qual>(?:" + qualifier + "\\s+){0,2})(?<head>" + words
        + ")(?![\\w-])(?:\\s+(?:of|for)\\s+(?:the\\s+)?(?<of>" + qualifier + "(?:\\s+" + qualifier + ")?)(?![\\w-]))?"),
        Pattern.compile("(?i)(?<![\\w-])(?:" + words + ")(?![\\w-])"), rule, profile);
  }

  private static RoleProfile groupProfile(String qualifier) {
    String q = qualifier.toLowerCase(Locale.ROOT);
    if (TECHNICAL_QUALIFIERS.stream().anyMatch(t -> (" " + q + " ").contains(" " + t + " "))) {
      return Roles.TECHNICAL_SUPPORT;
    }
    if (COMPLIANCE_QUALIFIERS.stream().anyMatch(q::contains)) {
      return Roles.COMPLIANCE;
    }
    if (q.contains("governance")) {
      return Roles.DATA_STEWARD;
    }
    if (EXECUTIVE_QUALIFIERS.stream().anyMatch(q::contains)) {
      return Roles.SENIOR_EXECUTIVE;
    }
    return Roles.BUSINESS_TEAM;
  }
}
