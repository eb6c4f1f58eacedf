package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Dimensions;
import org.openforge.agent.discovery.text.Quality;

/**
 * Security and access: row-level access ("only see their own region"), role-based access, single sign-on, personal
 * data (PII, GDPR), encryption; "secure" alone is an open question.
 */
final class SecurityDetector implements QualityDetector {

  private static final Pattern ROW_LEVEL = Pattern.compile("(?i)\\b(?:only\\s+(?:see|view|access)|see\\s+only"
      + "|restricted\\s+to|limited\\s+to|access\\s+only)\\s+(?:to\\s+)?(?:their|its|his or her|the user's)\\s+own\\s+"
      + "([a-z-]+)");
  private static final Pattern ROLE_BASED = Pattern.compile("(?i)\\b(role[- ]based(?: access(?: control)?)?|rbac"
      + "|access control|permissions?|authori[sz]ation|access rights?|restricted access)\\b");
  private static final Pattern SSO = Pattern.compile("(?i)\\b(sso|single sign[- ]on|active directory|azure ad|entra"
      + "|okta|ldap|saml|oidc)\\b");
  private static final Pattern PERSONAL = Pattern.compile("(?i)\\b(pii|personal (?:data|information)|gdpr|hipaa"
      + "|ccpa|privacy|sensitive data|confidential(?: data)?)\\b");
  private static final Pattern ENCRYPTION = Pattern.compile("(?i)\\b(encrypt\\w*)\\b");
  private static final Pattern VAGUE = Pattern.compile("(?i)\\b(secure(?:ly)?|security)\\b");

  @Override
  public List<QualityFinding> detect(String text) {
    List<QualityFinding> out = new ArrayList<>();
    Matcher row = ROW_LEVEL.matcher(text);
    if (row.find()) {
      String dim = Dimensions.normalize(row.group(1));
      out.add(new QualityFinding(Quality.SECURITY, "Row-level access by " + dim,
          "show each user only the data of their own " + dim, null, List.of(
              "Given a user assigned to one " + dim + ", when they open {scope} or export from it, then only rows"
                  + " of their " + dim + " are returned.",
              "Given a user with no " + dim + " assignment, when they open {scope}, then no rows are returned.",
              "Totals shown to a " + dim + "-scoped user are computed from their " + dim + "'s rows only."),
          List.of("Which source assigns users to a " + dim + ", and who may see all " + dim + "s?"), row.start(),
          row.end()));
    }
    Matcher role = ROLE_BASED.matcher(text);
    if (role.find()) {
      out.add(new QualityFinding(Quality.SECURITY, "Role-based access control",
          "restrict access by role", null, List.of(
              "Given a user without the role required for {scope}, when they request it, then access is denied"
                  + " (HTTP 403) and the attempt is logged.",
              "The roles and their permissions are listed and approved by the data owner before go-live."),
          List.of(), role.start(), role.end()));
    }
    Matcher sso = SSO.matcher(text);
    if (sso.find()) {
      out.add(new QualityFinding(Quality.SECURITY, "Single sign-on", "authenticate users through "
          + sso.group(1), null, List.of(
              "Users sign in to {scope} with the corporate identity provider (" + sso.group(1) + "); there are no"
                  + " local passwords.",
              "A user disabled in the identity provider loses access at their next request."),
          List.of(), sso.start(), sso.end()));
    }
    Matcher personal = PERSONAL.matcher(text);
    if (personal.find()) {
      List<String> criteria = new ArrayList<>(List.of(
          "Personal data fields are masked or excluded for roles without clearance; a data-protection review"
              + " approves the data model before build.",
          "Access to personal data is logged with who, what and when."));
      if (personal.group(1).equalsIgnoreCase("gdpr")) {
        criteria.add("Access and erasure requests for a person's data can be fulfilled within one month (GDPR"
            + " Art. 12(3)).");
      }
      out.add(new QualityFinding(Quality.SECURITY, "Protection of personal data",
          "protect personal data (" + personal.group(1) + ")", null, criteria,
          List.of("Which fields count as personal or confidential data in {scope}, and which roles may see them?"),
          personal.start(), personal.end()));
    }
    Matcher encryption = ENCRYPTION.matcher(text);
    if (encryption.find()) {
      out.add(new QualityFinding(Quality.SECURITY, "Encryption", "encrypt data in transit and at rest", null,
          List.of("Data of {scope} is encrypted in transit (TLS 1.2 or higher) and at rest."), List.of(),
          encryption.start(), encryption.end()));
    }
    Matcher vague = VAGUE.matcher(text);
    if (out.isEmpty() && vague.find()) {
      out.add(new QualityFinding(Quality.SECURITY, "Security", "be secure (requirements to agree)", null,
          List.of("The agreed security requirements for {scope} pass a security review before go-live."),
          List.of("What does '" + vague.group(1) + "' require for {scope}: roles, single sign-on, personal-data"
              + " protection, encryption?"), vague.start(), vague.end()));
    }
    return out;
  }
}
