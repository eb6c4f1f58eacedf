package org.openforge.agent.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentJournal;
import org.openforge.agent.AgentTask;
import org.openforge.agent.AgentTaskStatus;
import org.openforge.engagement.AgentConfig;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.Priority;
import org.openforge.process.Phase;

/** Builds agent contexts for the discovery agents' unit tests. */
public final class Contexts {

  /** The guide's engagement (docs: Phase 1 Discovery). */
  public static final String GUIDE_OBJECTIVE = "Build a comprehensive sales analytics dashboard";
  public static final String GUIDE_DESCRIPTION = """
          We need to:
          - Analyze sales trends across regions
          - Track customer behavior patterns
          - Generate weekly performance reports
          """;

  public static Map<String, Object> guideInput() {
    return Map.of(
        "stakeholders", List.of(
            Map.of("name", "Sales VP", "role", "executive_sponsor"),
            Map.of("name", "Regional Managers", "role", "primary_users"),
            Map.of("name", "Data Team", "role", "technical_support")),
        "initial_requirements", List.of("Real-time sales dashboard", "Regional comparison views",
            "Export capabilities"));
  }

  /** A third engagement, unlike the guide's: HR attrition reporting. */
  public static Contexts hrAttrition() {
    return engagement("HR attrition", "Provide HR business partners with a monthly attrition report by department",
        """
        The CHRO sponsors this work and wants a quarterly board summary.
        Reports must be accessible via SSO with role-based access; payroll data is confidential.
        The platform needs 99.5% uptime during business hours.
        Data must be retained for 7 years for audit purposes.
        Analysts should be able to drill down by location and job family, and export to Excel.
        Totals must reconcile with the Workday headcount.
        Response time under 2 seconds would be nice to have.
        """).input(Map.of("initial_requirements", List.of("Attrition dashboard",
            "Monthly attrition report per department")));
  }

  private final String name;
  private final String objective;
  private final String description;
  private Priority priority = Priority.HIGH;
  private String taskType = "stakeholder_analysis";
  private Map<String, Object> input = Map.of();
  private String feedback;
  private String taskDescription = "Analyze key stakeholders and their requirements";
  private final List<Artifact> previous = new ArrayList<>();

  private Contexts(String name, String objective, String description) {
    this.name = name;
    this.objective = objective;
    this.description = description;
  }

  public static Contexts engagement(String name, String objective, String description) {
    return new Contexts(name, objective, description);
  }

  public static Contexts guide() {
    return engagement("Sales Analytics Platform", GUIDE_OBJECTIVE, GUIDE_DESCRIPTION).input(guideInput());
  }

  public Contexts priority(Priority priority) {
    this.priority = priority;
    return this;
  }

  public Contexts task(String taskType) {
    this.taskType = taskType;
    return this;
  }

  public Contexts input(Map<String, Object> input) {
    this.input = input;
    return this;
  }

  /** The task's own description (by default one that only says what the task is). */
  public Contexts taskDescription(String text) {
    this.taskDescription = text;
    return this;
  }

  public Contexts feedback(String feedback) {
    this.feedback = feedback;
    return this;
  }

  /** An earlier artifact of the engagement, returned by {@code latest(kind)}. */
  public Contexts previous(String name, String kind, String content) {
    previous.add(new Artifact("artifact-" + previous.size(), "eng-1", name, kind, "discovery", 1,
        "application/json", content, "previous", Map.of(), "task-0", null));
    return this;
  }

  public AgentContext build() {
    return build(null);
  }

  /** A context whose progress goes to the given journal (a mock in tests). */
  public AgentContext build(AgentJournal journal) {
    Engagement engagement = new Engagement("eng-1", name, objective, description, priority, AgentConfig.DEFAULTS,
        false, null, "tester", null, null);
    AgentTask task = new AgentTask("task-1", "eng-1", taskType, taskDescription,
        input, AgentTaskStatus.PENDING, "discovery", AgentTask.ORIGIN_API, null, null, 0, null, null, null, null,
        null, null, null, null, 0, 0, 0, "tester", null, null, null);
    List<Artifact> artifacts = List.copyOf(previous);
    return new AgentContext(engagement, task, Phase.DISCOVERY, artifacts, feedback,
        kind -> latest(artifacts, kind), journal);
  }

  private static Optional<Artifact> latest(List<Artifact> artifacts, String kind) {
    Optional<Artifact> found = Optional.empty();
    for (Artifact a : artifacts) {
      if (a.kind().equals(kind)) {
        found = Optional.of(a);
      }
    }
    return found;
  }
}
