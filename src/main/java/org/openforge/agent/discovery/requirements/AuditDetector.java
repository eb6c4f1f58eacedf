package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Quality;

/** Auditability: audit trails, lineage and traceability, change history, SOX; "compliance" names a regulation. */
final class AuditDetector implements QualityDetector {

  private static final Pattern AUDIT = Pattern.compile("(?i)\\b(audit(?:[- ]?(?:trail|log)s?)?|auditab\\w*)\\b");
  private static final Pattern LINEAGE = Pattern.compile("(?i)\\b(lineage|traceab\\w*|trace(?:d)? back)\\b");
  private static final Pattern CHANGES = Pattern.compile("(?i)\\b(who changed|change history|version history"
      + "|versioned)\\b");
  private static final Pattern SOX = Pattern.compile("(?i)\\b(sox|sarbanes[- ]oxley)\\b");
  private static final Pattern COMPLIANCE = Pattern.compile("(?i)\\b(?:compliance|compliant)(?:\\s+with\\s+"
      + "([A-Z][\\w-]*(?:\\s+[A-Z0-9][\\w-]*)?))?");

  @Override
  public List<QualityFinding> detect(String text) {
    List<QualityFinding> out = new ArrayList<>();
    Matcher audit = AUDIT.matcher(text);
    if (audit.find()) {
      out.add(new QualityFinding(Quality.AUDITABILITY, "Audit trail", "keep an audit trail", null, List.of(
          "Every change to {scope}'s data, definitions and access rights is recorded with who, what and when.",
          "The audit log is read-only for everyone, including administrators, and kept for the retention period."),
          List.of(), audit.start(), audit.end()));
    }
    Matcher lineage = LINEAGE.matcher(text);
    if (lineage.find()) {
      out.add(new QualityFinding(Quality.AUDITABILITY, "Data lineage", "trace every figure to its source", null,
          List.of("Every figure in {scope} can be traced to its source tables, the transformation applied and the"
              + " load run that produced it."), List.of(), lineage.start(), lineage.end()));
    }
    Matcher changes = CHANGES.matcher(text);
    if (changes.find()) {
      out.add(new QualityFinding(Quality.AUDITABILITY, "Change history", "keep the change history", null,
          List.of("Previous versions of changed records in {scope} remain queryable with who changed them and when."),
          List.of(), changes.start(), changes.end()));
    }
    Matcher sox = SOX.matcher(text);
    if (sox.find()) {
      out.add(new QualityFinding(Quality.AUDITABILITY, "SOX controls", "meet SOX controls", null, List.of(
          "Changes to the logic behind financial figures go through an approved change process, with evidence kept"
              + " for auditors.",
          "Segregation of duties: no one both develops and approves a change to {scope}."),
          List.of(), sox.start(), sox.end()));
    }
    Matcher compliance = COMPLIANCE.matcher(text);
    if (out.isEmpty() && compliance.find()) {
      String rule = compliance.group(1);
      out.add(new QualityFinding(Quality.AUDITABILITY, rule == null ? "Compliance" : "Compliance with " + rule,
          rule == null ? "be compliant (rules to name)" : "comply with " + rule, null,
          List.of("A compliance review of {scope} against " + (rule == null ? "the applicable rules" : rule)
              + " passes before go-live, with its evidence kept."),
          rule == null ? List.of("Which regulation or policy must {scope} comply with?") : List.of(),
          compliance.start(), compliance.end()));
    }
    return out;
  }
}
