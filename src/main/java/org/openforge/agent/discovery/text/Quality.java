package org.openforge.agent.discovery.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The non-functional categories a statement can touch, with the words that signal them. The requirements agent has
 * a detailed detector per category; these cues are the coarse signal both agents share.
 */
public enum Quality {
  FRESHNESS("freshness", "Data freshness", "fresh\\w*|up[- ]to[- ]date|refresh\\w*|stale\\w*|data age"
      + "|no older than|updated (?:daily|hourly|nightly|every \\w+)"),
  LATENCY("latency", "Latency / real-time", "real[- ]?time|near[- ]real[- ]time|streaming|latency|instant\\w*"
      + "|live (?:data|dashboards?|views?|tracking|updates?|feeds?|status|positions?)"),
  PERFORMANCE("performance", "Query performance", "response times?|loads? in|fast|quick\\w*|performant|slow\\w*"
      + "|seconds to load|page load"),
  EXPORT_FORMAT("export_format", "Export formats", "csv|excel|xlsx|pdf|parquet|json"),
  SECURITY("security", "Security and access", "secur\\w*|access control|role[- ]based|rbac|permissions?"
      + "|authori[sz]\\w*|authenticat\\w*|sso|single sign[- ]on|encrypt\\w*|pii|personal data|gdpr|hipaa"
      + "|confidential\\w*|sensitive|restricted|row[- ]level|mask\\w*|anonymi[sz]\\w*|pseudonymi[sz]\\w*|privacy"
      + "|only (?:see|view|access)|see only|their own"),
  AVAILABILITY("availability", "Availability", "availability|uptime|24/7|24x7|around the clock|slas?|downtime"
      + "|highly available|always available|business hours"),
  RETENTION("retention", "Data retention", "retain\\w* (?:the |all )?(?:data|history|records)|data retention"
      + "|retention (?:period|policy|rules?)|archiv\\w*|years? of (?:history|historical|data)"
      + "|months? of (?:history|historical|data)|purg\\w*"),
  SCALABILITY("scalability", "Scalability and volume", "scal(?:e|es|able|ability|ing)|volumes?|millions?"
      + "|billions?|concurrent|growth|growing|[0-9]+\\s*(?:tb|gb)"),
  AUDITABILITY("auditability", "Auditability", "audit\\w*|lineage|traceab\\w*|change history|who changed|sox"
      + "|compliance|compliant"),
  DATA_QUALITY("data_quality", "Data quality", "accura\\w*|data quality|reconcil\\w*|consisten\\w*|duplicat\\w*"
      + "|completeness|validat\\w*|single source of truth|correct figures"),
  USABILITY("usability", "Usability and access channels", "mobile|tablets?|self[- ]service|easy to use"
      + "|user[- ]friendly|intuitive|accessib\\w*|wcag|training|phones?");

  private final String value;
  private final String label;
  private final Pattern pattern;

  Quality(String value, String label, String words) {
    this.value = value;
    this.label = label;
    this.pattern = Pattern.compile("(?i)(?<![\\w-])(?:" + words + ")(?![\\w-])");
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  public boolean in(String text) {
    return text != null && pattern.matcher(text).find();
  }

  /** Every category the text touches. */
  public static List<Quality> detect(String text) {
    List<Quality> out = new ArrayList<>();
    for (Quality q : values()) {
      if (q.in(text)) {
        out.add(q);
      }
    }
    return out;
  }
}
