package org.openforge.agent.tool;

import java.util.List;
import java.util.Map;
import org.openforge.agent.AgentApprovals;
import org.openforge.agent.AgentTask;
import org.openforge.approval.Approval;
import org.openforge.process.ApprovalType;
import org.openforge.engagement.AgentConfig;
import org.openforge.engagement.Engagement;
import org.springframework.stereotype.Component;

/**
 * Tool calls the engagement marks sensitive: tools named in {@code approval_settings.tool_executions}, or every tool
 * when {@code always_require_approval} lists tool_execution. Each call (tool + arguments) is a request of its own.
 */
@Component
public class ToolApprovals {

  private static final String WRITE_FILE = "write_file";

  private final AgentApprovals approvals;

  public ToolApprovals(AgentApprovals approvals) {
    this.approvals = approvals;
  }

  public boolean needsApproval(Engagement engagement, String tool) {
    AgentConfig config = engagement.agentConfig().withDefaults();
    return config.approvalSettings().toolNeedsApproval(tool) || config.alwaysRequires(ApprovalType.TOOL_EXECUTION);
  }

  /** The decision on this call; throws {@link org.openforge.agent.ApprovalPending} while a reviewer must decide. */
  public AgentApprovals.Decision decide(AgentTask task, Engagement engagement, String tool,
      Map<String, Object> arguments) {
    String args = approvals.canonical(arguments);
    return approvals.decide(task, engagement, new AgentApprovals.Request(ApprovalType.TOOL_EXECUTION,
        tool + "\n" + subject(tool, arguments), "Run " + tool + " for " + task.taskType().replace('_', ' '),
        "The " + task.taskType().replace('_', ' ') + " agent wants to call " + tool + ", which this engagement marks "
            + "as sensitive. Allow it, or refuse it and the agent goes on without it.",
        List.of(new Approval.ReviewItem("Tool", tool), new Approval.ReviewItem("Arguments", args),
            new Approval.ReviewItem("Agent", task.taskType() + (task.description() == null ? ""
                : ": " + task.description()))),
        Map.of("tool", tool, "arguments", arguments == null ? Map.of() : arguments)));
  }

  /**
   * What identifies a call for its approval. A written file is its name and kind: a run that pauses and resumes
   * writes it again with content that may differ a little (a model's answer), and must find the decision made.
   */
  private String subject(String tool, Map<String, Object> arguments) {
    if (WRITE_FILE.equals(tool) && arguments != null) {
      Map<String, Object> file = new java.util.LinkedHashMap<>();
      file.put("name", arguments.get("name"));
      file.put("kind", arguments.get("kind"));
      return approvals.canonical(file);
    }
    return approvals.canonical(arguments);
  }
}
