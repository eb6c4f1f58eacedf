package org.openforge.agent.discovery.stakeholder;

import org.openforge.engagement.Priority;

/**
 * Communication preferences by category, adjusted by quadrant and by the engagement's priority: an executive
 * managed closely gets a steering summary with the dashboard (bi-weekly on a critical engagement, else monthly),
 * business users a weekly demo and training, the technical team a weekly sync, anyone in "monitor" a monthly digest.
 */
final class CommunicationPlanner {

  private CommunicationPlanner() {}

  static Communication plan(Category category, Quadrant quadrant, Priority engagementPriority) {
    Communication base = switch (category) {
      case EXECUTIVE -> quadrant == Quadrant.MANAGE_CLOSELY
          ? new Communication("Steering committee meeting, with a link to the live dashboard",
              engagementPriority == Priority.CRITICAL ? "bi-weekly" : "monthly",
              "One-page steering summary (progress, risks, decisions needed) + KPI dashboard", null)
          : new Communication("Email briefing", "at each phase sign-off",
              "Executive summary (one page) with the decisions that need them", null);
      case MANAGEMENT -> new Communication("Review meeting with a live demo", "bi-weekly",
          "Demo of their area's views + decision log", null);
      case BUSINESS_USER -> new Communication("Sprint demo and feedback session", "weekly",
          "Live demo and release notes; hands-on training before go-live", null);
      case TECHNICAL -> new Communication("Team chat channel and technical sync", "weekly (ad hoc for blockers)",
          "Design documents, schema and pipeline change notes, runbooks", null);
      case DATA_GOVERNANCE -> new Communication("Governance review", "at each phase gate",
          "Data access requests, lineage and data-quality report", null);
      case COMPLIANCE -> new Communication("Formal review", "before the design and deploy sign-offs",
          "Security and compliance checklist with evidence", null);
      case EXTERNAL -> new Communication("Account update email", "monthly", "Release notice and service changes",
          null);
      case OTHER -> new Communication("Status digest email", "monthly", "Short status summary", null);
    };
    String channel = base.channel();
    String frequency = base.frequency();
    String format = base.format();
    String rationale = "by category '" + category.value() + "' and quadrant '" + quadrant.value() + "'";
    if (quadrant == Quadrant.MONITOR && category != Category.OTHER) {
      channel = "Status digest email";
      frequency = "monthly";
      rationale += "; light-touch because they are in the monitor quadrant";
    } else if (quadrant == Quadrant.MANAGE_CLOSELY && category != Category.EXECUTIVE) {
      format += "; invited to the phase sign-off reviews";
      rationale += "; invited to sign-off reviews because they are managed closely";
    }
    if (category == Category.EXECUTIVE && quadrant == Quadrant.MANAGE_CLOSELY) {
      rationale += "; cadence set by the engagement priority '" + engagementPriority.value() + "'";
    }
    return new Communication(channel, frequency, format, rationale);
  }
}
