package org.openforge.agent.tool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.AgentTask;
import org.openforge.approval.Approval;
import org.openforge.approval.ApprovalRepository;
import org.openforge.approval.ApprovalRouter;
import org.openforge.approval.ApprovalService;
import org.openforge.approval.ApprovalStatus;
import org.openforge.approval.ApprovalType;
import org.openforge.engagement.AgentConfig;
import org.openforge.engagement.Engagement;
import org.springframework.stereotype.Component;

/**
 * Decides whether a tool call may run: tools named in {@code approval_settings.tool_executions} (or every tool when
 * {@code always_require_approval} lists tool_execution) are routed by the approval-routing DMN; a human route waits
 * for a Tasklist decision on exactly this call (same task, tool and arguments), an automatic one is recorded.
 */
@Component
public class ToolApprovals {

  private static final ObjectMapper CANONICAL = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final ApprovalRepository approvals;
  private final ApprovalService approvalService;
  private final ApprovalRouter router;

  public ToolApprovals(ApprovalRepository approvals, ApprovalService approvalService, ApprovalRouter router) {
    this.approvals = approvals;
    this.approvalService = approvalService;
    this.router = router;
  }

  /** The decision that lets a call run: approved (possibly automatically) or refused with the reviewer's comment. */
  public record Decision(boolean approved, String comment) {}

  public boolean needsApproval(Engagement engagement, String tool) {
    AgentConfig config = engagement.agentConfig().withDefaults();
    return config.approvalSettings().toolNeedsApproval(tool) || config.alwaysRequires(ApprovalType.TOOL_EXECUTION);
  }

  /** The decision for this call, or throws {@link ToolApprovalPending} when a reviewer must decide first. */
  public Decision decide(AgentTask task, Engagement engagement, String tool, Map<String, Object> arguments) {
    String fingerprint = fingerprint(tool, arguments);
    Optional<Approval> decided = approvals.forEngagement(engagement.id()).stream()
        .filter(a -> a.type() == ApprovalType.TOOL_EXECUTION && a.status() != ApprovalStatus.PENDING
            && a.status() != ApprovalStatus.CANCELLED
            && task.id().equals(a.context().get("agent_task_id")) && fingerprint.equals(a.context().get("fingerprint")))
        .max(Comparator.comparing(Approval::decidedAt));
    if (decided.isPresent()) {
      return new Decision(decided.get().status() == ApprovalStatus.APPROVED, decided.get().decisionComment());
    }
    ApprovalRouter.Route route = router.route(router.inputs(engagement.agentConfig(), ApprovalType.TOOL_EXECUTION,
        true, null, false));
    if (route.human()) {
      throw new ToolApprovalPending(tool, arguments, fingerprint, route.reason());
    }
    approvalService.recordAutomatic(engagement.id(), ApprovalType.TOOL_EXECUTION, task.phase(),
        "Run " + tool + " for " + task.taskType(), List.of(new Approval.ReviewItem("Arguments", canonical(arguments))),
        Map.of("tool", tool, "fingerprint", fingerprint, "agent_task_id", task.id()), task.processInstanceId(),
        route.reason());
    return new Decision(true, route.reason());
  }

  public static String fingerprint(String tool, Map<String, Object> arguments) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((tool + "\n" + canonical(arguments)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String canonical(Map<String, Object> arguments) {
    try {
      return CANONICAL.writeValueAsString(arguments == null ? Map.of() : arguments);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
