package org.openforge.agent.discovery.requirements;

import java.util.List;
import org.openforge.agent.discovery.text.Trace;

/** The requirements document as readable Markdown. */
final class RequirementsReport {

  private RequirementsReport() {}

  static String markdown(RequirementsDocument d) {
    StringBuilder md = new StringBuilder();
    md.append("# Requirements: ").append(d.engagement().name()).append("\n\n");
    if (d.engagement().objective() != null) {
      md.append("**Objective:** ").append(d.engagement().objective()).append("  \n");
    }
    RequirementsDocument.Summary s = d.summary();
    md.append("**Engagement priority:** ").append(d.engagement().priority()).append("  \n");
    md.append("**Requirements:** ").append(s.requirementCount()).append(" (").append(s.functionalCount())
        .append(" functional, ").append(s.nonFunctionalCount()).append(" non-functional; must ").append(s.must())
        .append(", should ").append(s.should()).append(", could ").append(s.could()).append(", won't ")
        .append(s.wont()).append(")  \n");
    md.append("**Open questions:** ").append(s.openQuestionCount()).append("  \n");
    md.append("**Confidence:** ").append(d.confidence()).append(" — ").append(d.confidenceBasis()).append("\n\n");

    section(md, "Functional requirements", d.functional());
    section(md, "Non-functional requirements", d.nonFunctional());

    if (!d.openQuestions().isEmpty()) {
      md.append("## Open questions\n\n| ID | Kind | Question | About | Source |\n|---|---|---|---|---|\n");
      for (OpenQuestion q : d.openQuestions()) {
        md.append("| ").append(q.id()).append(" | ").append(q.kind()).append(" | ").append(cell(q.question()))
            .append(" | ").append(q.requirements().isEmpty() ? "—" : String.join(", ", q.requirements()))
            .append(" | ").append(q.source() == null ? "—" : cell(trace(q.source()))).append(" |\n");
      }
      md.append('\n');
    }
    if (!d.deduplication().isEmpty()) {
      md.append("## Merged duplicates\n\n");
      for (RequirementsDocument.Merge m : d.deduplication()) {
        md.append("- ").append(trace(m.merged())).append(" → ").append(m.into()).append(" (").append(m.reason())
            .append(")\n");
      }
      md.append('\n');
    }
    if (d.reviewerFeedback() != null) {
      RequirementsDocument.Feedback f = d.reviewerFeedback();
      md.append("## Reviewer feedback\n\n> ").append(f.text().replace("\n", "\n> ")).append("\n\n");
      md.append("- Added: ").append(f.added().isEmpty() ? "—" : String.join(", ", f.added())).append('\n');
      md.append("- Changed: ").append(f.changed().isEmpty() ? "—" : String.join(", ", f.changed())).append('\n');
      for (String u : f.unmapped()) {
        md.append("- Not mapped to a requirement: \"").append(u).append("\"\n");
      }
      md.append('\n');
    }
    if (!d.context().isEmpty()) {
      md.append("## Context (not requirements)\n\n");
      for (Trace t : d.context()) {
        md.append("- ").append(trace(t)).append('\n');
      }
      md.append('\n');
    }
    md.append("## Method\n\n");
    for (String m : d.method()) {
      md.append("- ").append(m).append('\n');
    }
    return md.toString();
  }

  private static void section(StringBuilder md, String heading, List<Requirement> requirements) {
    md.append("## ").append(heading).append("\n\n");
    if (requirements.isEmpty()) {
      md.append("None found.\n\n");
      return;
    }
    md.append("| ID | Title | Category | Priority | Target |\n|---|---|---|---|---|\n");
    for (Requirement r : requirements) {
      md.append("| ").append(r.id()).append(" | ").append(cell(r.title())).append(" | ").append(r.category())
          .append(" | ").append(r.priority()).append(" | ")
          .append(r.target() == null ? "—" : cell(r.target().display())).append(" |\n");
    }
    md.append('\n');
    for (Requirement r : requirements) {
      md.append("### ").append(r.id()).append(" ").append(r.title()).append("\n\n");
      md.append(r.statement()).append("\n\n");
      md.append("- **Priority:** ").append(r.priority()).append(" — ").append(r.priorityRationale()).append('\n');
      if (r.appliesTo() != null) {
        md.append("- **Applies to:** ").append(r.appliesTo()).append('\n');
      }
      if (r.cadence() != null || !r.dimensions().isEmpty()) {
        md.append("- **Breakdown:** ").append(r.cadence() == null ? "" : r.cadence())
            .append(r.cadence() != null && !r.dimensions().isEmpty() ? ", " : "")
            .append(r.dimensions().isEmpty() ? "" : "per " + String.join(", per ", r.dimensions())).append('\n');
      }
      if (r.feedback() != null) {
        md.append("- **Reviewer feedback:** ").append(r.feedback()).append('\n');
      }
      md.append("- **Acceptance criteria:**\n");
      for (String c : r.acceptanceCriteria()) {
        md.append("  - [ ] ").append(c).append('\n');
      }
      md.append("- **Sources:**\n");
      for (Trace t : r.sources()) {
        md.append("  - ").append(trace(t)).append('\n');
      }
      for (String n : r.notes()) {
        md.append("- _Note:_ ").append(n).append('\n');
      }
      if (!r.related().isEmpty()) {
        md.append("- **Related:** ").append(String.join(", ", r.related())).append('\n');
      }
      if (!r.openQuestions().isEmpty()) {
        md.append("- **Open questions:** ").append(String.join(", ", r.openQuestions())).append('\n');
      }
      md.append('\n');
    }
  }

  private static String trace(Trace t) {
    return t.field() + ": \"" + (t.leadIn() == null ? "" : t.leadIn() + ": … ") + t.text() + "\"";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
