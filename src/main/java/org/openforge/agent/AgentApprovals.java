package org.openforge.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.approval.Approval;
import org.openforge.approval.ApprovalRepository;
import org.openforge.approval.ApprovalRouter;
import org.openforge.approval.ApprovalService;
import org.openforge.approval.ApprovalStatus;
import org.openforge.process.ApprovalType;
import org.openforge.engagement.AgentConfig;
import org.openforge.engagement.Engagement;
import org.springframework.stereotype.Component;

/**
 * Approvals agents ask for while they run. A request is identified by its fingerprint (task, type and subject — the
 * same tool call, the same data access, the same schema): once decided, a re-run finds the decision. Undecided, the
 * approval-routing DMN decides: a human route stops the run with {@link ApprovalPending}, an automatic one is
 * recorded with its reason.
 */
@Component
public class AgentApprovals {


  private final ApprovalRepository approvals;
  private final ApprovalService approvalService;
  private final ApprovalRouter router;

  /** Writes map entries sorted by key: the same arguments in any order give the same subject. */
  private final ObjectWriter canonical;

  public AgentApprovals(ApprovalRepository approvals, ApprovalService approvalService, ApprovalRouter router,
      ObjectMapper mapper) {
    this.canonical = mapper.writer(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    this.approvals = approvals;
    this.approvalService = approvalService;
    this.router = router;
  }

  /** The decision that lets the run go on: approved (maybe automatically) or refused with the comment. */
  public record Decision(boolean approved, String comment) {}

  /** What an agent asks a reviewer to allow. {@code subject} identifies it (e.g. the tool call, the schema). */
  public record Request(ApprovalType type, String subject, String title, String description,
      List<Approval.ReviewItem> items, Map<String, Object> context) {}

  /** Whether the engagement wants a decision on this kind of request at all. */
  public boolean wanted(Engagement engagement, ApprovalType type) {
    AgentConfig config = engagement.agentConfig().withDefaults();
    return config.alwaysRequires(type) || (type != ApprovalType.TOOL_EXECUTION
        && config.approvalSettings().humanReview(type));
  }

  public Decision decide(AgentTask task, Engagement engagement, Request request) {
    String fingerprint = fingerprint(request.type().value() + "\n" + request.subject());
    Optional<Approval> decided = approvals.forEngagement(engagement.id()).stream()
        .filter(a -> a.type() == request.type() && a.status() != ApprovalStatus.PENDING
            && a.status() != ApprovalStatus.CANCELLED
            && task.id().equals(a.context().get("agent_task_id")) && fingerprint.equals(a.context().get("fingerprint")))
        .max(Comparator.comparing(Approval::decidedAt));
    if (decided.isPresent()) {
      return new Decision(decided.get().status() == ApprovalStatus.APPROVED, decided.get().decisionComment());
    }
    Map<String, Object> context = new LinkedHashMap<>(request.context());
    context.put("fingerprint", fingerprint);
    context.put("agent_task_id", task.id());
    ApprovalRouter.Route route = router.route(router.inputs(engagement.agentConfig(), request.type(), true,
        task.confidence(), false));
    if (route.human()) {
      throw new ApprovalPending(request.type(), request.title(), request.description(), request.items(), context,
          route.reason());
    }
    approvalService.recordAutomatic(engagement.id(), request.type(), task.phase(), request.title(), request.items(),
        context, task.processInstanceId(), route.reason());
    return new Decision(true, route.reason());
  }

  public static String fingerprint(String subject) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String canonical(Object value) {
    try {
      return canonical.writeValueAsString(value == null ? Map.of() : value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
