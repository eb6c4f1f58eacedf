package org.openforge.agent.discovery.stakeholder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.discovery.text.Words;

/** The role catalog: profiles of known roles, their aliases, and inference of a role from free wording. */
public final class Roles {

  public static final RoleProfile EXECUTIVE_SPONSOR = new RoleProfile("executive_sponsor", Category.EXECUTIVE, 5, 4,
      "return on the investment and delivery on schedule");
  public static final RoleProfile SENIOR_EXECUTIVE = new RoleProfile("senior_executive", Category.EXECUTIVE, 5, 3,
      "decisions backed by trustworthy figures");
  public static final RoleProfile BUSINESS_OWNER = new RoleProfile("business_owner", Category.MANAGEMENT, 4, 5,
      "the solution serves the business process they own");
  public static final RoleProfile MANAGER = new RoleProfile("manager", Category.MANAGEMENT, 3, 4,
      "visibility of their area's performance");
  public static final RoleProfile PROJECT_MANAGER = new RoleProfile("project_manager", Category.MANAGEMENT, 3, 5,
      "scope, schedule and risks under control");
  public static final RoleProfile PRIMARY_USERS = new RoleProfile("primary_users", Category.BUSINESS_USER, 3, 5,
      "the solution fits their daily work, with training before go-live");
  public static final RoleProfile END_USER = new RoleProfile("end_user", Category.BUSINESS_USER, 2, 4,
      "easy access to the information they need");
  public static final RoleProfile ANALYST = new RoleProfile("analyst", Category.BUSINESS_USER, 2, 5,
      "self-service access to clean, well-defined data");
  public static final RoleProfile BUSINESS_TEAM = new RoleProfile("business_team", Category.BUSINESS_USER, 3, 4,
      "the solution supports their department's work");
  public static final RoleProfile SUBJECT_MATTER_EXPERT = new RoleProfile("subject_matter_expert",
      Category.BUSINESS_USER, 2, 4, "business rules and definitions captured correctly");
  public static final RoleProfile TECHNICAL_SUPPORT = new RoleProfile("technical_support", Category.TECHNICAL, 3, 4,
      "a maintainable solution with a manageable operational load");
  public static final RoleProfile DATA_OWNER = new RoleProfile("data_owner", Category.DATA_GOVERNANCE, 4, 3,
      "controlled access to the source data they own");
  public static final RoleProfile DATA_STEWARD = new RoleProfile("data_steward", Category.DATA_GOVERNANCE, 3, 4,
      "consistent definitions and data quality");
  public static final RoleProfile COMPLIANCE = new RoleProfile("compliance", Category.COMPLIANCE, 4, 2,
      "legal and policy obligations are met");
  public static final RoleProfile EXTERNAL = new RoleProfile("external", Category.EXTERNAL, 2, 3,
      "the service they receive is reliable");
  public static final RoleProfile OTHER = new RoleProfile("stakeholder", Category.OTHER, 2, 3,
      "being kept aware of the outcome");

  private static final Map<String, RoleProfile> BY_NAME = new LinkedHashMap<>();

  static {
    register(EXECUTIVE_SPONSOR, "sponsor", "executive", "business_sponsor", "project_sponsor", "executive_sponsors");
    register(SENIOR_EXECUTIVE, "leadership", "decision_maker", "approver", "budget_holder", "executive_team",
        "senior_management", "steering_committee");
    register(BUSINESS_OWNER, "product_owner", "process_owner", "service_owner", "owner");
    register(MANAGER, "managers", "line_manager", "middle_management", "team_lead", "team_leads");
    register(PROJECT_MANAGER, "program_manager", "programme_manager", "delivery_manager", "pm");
    register(PRIMARY_USERS, "primary_user", "key_users", "key_user", "power_users", "power_user", "main_users");
    register(END_USER, "end_users", "users", "user", "secondary_users", "secondary_user", "consumer", "consumers",
        "viewer", "viewers", "business_users", "business_user");
    register(ANALYST, "analysts", "business_analyst", "data_analyst", "data_analysts");
    register(BUSINESS_TEAM, "department", "business_unit");
    register(SUBJECT_MATTER_EXPERT, "sme", "smes", "domain_expert", "subject_matter_experts");
    register(TECHNICAL_SUPPORT, "technical", "it", "it_support", "support", "engineering", "data_team",
        "data_engineering", "developer", "developers", "data_engineer", "data_engineers", "platform_team",
        "technical_team", "technical_lead", "architect", "it_operations");
    register(DATA_OWNER, "source_owner", "system_owner", "data_provider", "data_owners");
    register(DATA_STEWARD, "steward", "data_governance", "data_stewards");
    register(COMPLIANCE, "legal", "security", "risk", "auditor", "auditors", "privacy", "privacy_officer", "dpo",
        "regulator", "security_officer", "ciso", "compliance_officer");
    register(EXTERNAL, "customer", "customers", "client", "clients", "partner", "partners", "vendor", "supplier",
        "suppliers", "carrier", "carriers");
  }

  // role words that, contained in an unknown role, point to a profile (first match wins)
  private static final List<Map.Entry<String, RoleProfile>> KEYWORDS = List.of(
      Map.entry("sponsor", EXECUTIVE_SPONSOR), Map.entry("data_owner", DATA_OWNER),
      Map.entry("steward", DATA_STEWARD), Map.entry("owner", BUSINESS_OWNER),
      Map.entry("primary", PRIMARY_USERS), Map.entry("power", PRIMARY_USERS), Map.entry("user", END_USER),
      Map.entry("analyst", ANALYST), Map.entry("project", PROJECT_MANAGER), Map.entry("manager", MANAGER),
      Map.entry("lead", MANAGER), Map.entry("engineer", TECHNICAL_SUPPORT), Map.entry("technical", TECHNICAL_SUPPORT),
      Map.entry("developer", TECHNICAL_SUPPORT), Map.entry("support", TECHNICAL_SUPPORT),
      Map.entry("legal", COMPLIANCE), Map.entry("compliance", COMPLIANCE), Map.entry("security", COMPLIANCE),
      Map.entry("audit", COMPLIANCE), Map.entry("privacy", COMPLIANCE), Map.entry("risk", COMPLIANCE),
      Map.entry("executive", SENIOR_EXECUTIVE), Map.entry("director", SENIOR_EXECUTIVE),
      Map.entry("chief", SENIOR_EXECUTIVE), Map.entry("vp", SENIOR_EXECUTIVE), Map.entry("head", SENIOR_EXECUTIVE),
      Map.entry("expert", SUBJECT_MATTER_EXPERT), Map.entry("customer", EXTERNAL), Map.entry("partner", EXTERNAL));

  private Roles() {}

  private static void register(RoleProfile profile, String... aliases) {
    BY_NAME.put(profile.role(), profile);
    for (String alias : aliases) {
      BY_NAME.put(alias, profile);
    }
  }

  /** The profile of a role as given ("executive_sponsor", "Primary users", "IT support"). */
  public static Optional<RoleProfile> known(String role) {
    if (role == null || role.isBlank()) {
      return Optional.empty();
    }
    String key = Words.snake(role);
    RoleProfile exact = BY_NAME.get(key);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Map.Entry<String, RoleProfile> e : KEYWORDS) {
      if (("_" + key).contains("_" + e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
