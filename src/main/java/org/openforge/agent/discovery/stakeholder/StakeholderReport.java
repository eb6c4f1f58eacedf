package org.openforge.agent.discovery.stakeholder;

import org.openforge.process.Phase;
import java.util.List;

/** The stakeholder analysis as a readable Markdown report. */
final class StakeholderReport {

  private StakeholderReport() {}

  static String markdown(StakeholderAnalysis a) {
    StringBuilder md = new StringBuilder();
    md.append("# Stakeholder analysis: ").append(a.engagement().name()).append("\n\n");
    if (a.engagement().objective() != null) {
      md.append("**Objective:** ").append(a.engagement().objective()).append("  \n");
    }
    md.append("**Engagement priority:** ").append(a.engagement().priority()).append("  \n");
    md.append("**Stakeholders:** ").append(a.summary().stakeholderCount()).append(" (")
        .append(a.summary().highPriorityCount()).append(" high priority)  \n");
    md.append("**Confidence:** ").append(a.confidence()).append(" — ").append(a.confidenceBasis()).append("\n\n");

    md.append("## Register\n\n");
    md.append("| ID | Stakeholder | Role | Category | Influence | Interest | Quadrant | Priority | Source |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Stakeholder s : a.stakeholders()) {
      md.append("| ").append(s.id()).append(" | ").append(cell(s.name())).append(" | ").append(cell(s.role()))
          .append(" | ").append(s.category().value()).append(" | ").append(s.influence().score()).append(" | ")
          .append(s.interest().score()).append(" | ").append(s.quadrant().label()).append(" | ")
          .append(s.priority()).append(" | ").append(s.source()).append(" |\n");
    }

    md.append("\n## Priority matrix (influence × interest)\n\n");
    md.append("| | Low interest (< 4) | High interest (≥ 4) |\n|---|---|---|\n");
    md.append("| **High influence (≥ 4)** | Keep satisfied: ").append(list(a.priorityMatrix().get("keep_satisfied")))
        .append(" | Manage closely: ").append(list(a.priorityMatrix().get("manage_closely"))).append(" |\n");
    md.append("| **Low influence (< 4)** | Monitor: ").append(list(a.priorityMatrix().get("monitor")))
        .append(" | Keep informed: ").append(list(a.priorityMatrix().get("keep_informed"))).append(" |\n");

    md.append("\n## Communication plan\n\n");
    md.append("| Stakeholder | Channel | Frequency | Format |\n|---|---|---|---|\n");
    for (Stakeholder s : a.stakeholders()) {
      Communication c = s.communication();
      md.append("| ").append(cell(s.name())).append(" | ").append(cell(c.channel())).append(" | ")
          .append(cell(c.frequency())).append(" | ").append(cell(c.format())).append(" |\n");
    }

    md.append("\n## Stakeholders in detail\n");
    for (Stakeholder s : a.stakeholders()) {
      md.append("\n### ").append(s.id()).append(" ").append(s.name()).append("\n\n");
      md.append("- **Role:** ").append(s.role()).append(" (").append(s.roleBasis()).append(")\n");
      md.append("- **Quadrant:** ").append(s.quadrant().label()).append(" — ").append(s.strategy()).append("\n");
      md.append("- **Influence ").append(s.influence().score()).append(":** ")
          .append(String.join("; ", s.influence().derivation())).append("\n");
      md.append("- **Interest ").append(s.interest().score()).append(":** ")
          .append(String.join("; ", s.interest().derivation())).append("\n");
      md.append("- **Concerns:**\n");
      for (Concern c : s.concerns()) {
        md.append("  - ").append(c.need()).append(" _(").append(c.topic()).append("; from ")
            .append(String.join(", ", c.sources().stream()
                .map(t -> t.field().equals("role") ? "role" : t.field() + ": \"" + t.text() + "\"").toList()))
            .append(")_\n");
      }
      for (String note : s.notes()) {
        md.append("- _Note:_ ").append(note).append("\n");
      }
    }

    md.append("\n## Phase sign-offs (RACI)\n\n");
    md.append("| Phase | Responsible | Accountable | Consulted | Informed |\n|---|---|---|---|---|\n");
    for (SignOff s : a.raci()) {
      md.append("| ").append(s.phase()).append(" | ").append(list(s.responsible())).append(" | ")
          .append(cell(s.accountable())).append(" | ").append(list(s.consulted())).append(" | ")
          .append(list(s.informed())).append(" |\n");
    }
    if (!a.raci().isEmpty() && a.raci().get(0).note() != null) {
      md.append("\n_").append(a.raci().get(0).note()).append("_\n");
    }

    if (!a.openQuestions().isEmpty()) {
      md.append("\n## Open questions\n\n");
      for (String q : a.openQuestions()) {
        md.append("- ").append(q).append("\n");
      }
    }
    md.append("\n## Method\n\n");
    for (String m : a.method()) {
      md.append("- ").append(m).append("\n");
    }
    return md.toString();
  }

  private static String list(List<String> names) {
    return names == null || names.isEmpty() ? "—" : cell(String.join(", ", names));
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
