package org.openforge.agent.tool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openforge.agent.AgentApprovals;
import org.openforge.agent.AgentEvent;
import org.openforge.agent.ApprovalPending;
import org.openforge.agent.AgentJournal;
import org.openforge.agent.AgentTask;
import org.openforge.agent.AgentTranscript;
import org.openforge.engagement.Engagement;

/**
 * Runs the tool calls of one agent run: checks the engagement's tool approvals, runs the tool, and journals each
 * call as {@code tool_call} events (running, completed, failed, refused, waiting_approval) with its duration.
 */
public class ToolExecutor {

  private static final int EVENT_TEXT = 200;

  private final AgentTask task;
  private final Engagement engagement;
  private final ToolRegistry registry;
  private final ToolApprovals approvals;
  private final AgentJournal journal;
  private final AgentTranscript transcript;

  /**
   * @param journal where tool-call events go; null for calls nobody should see one by one (a load test)
   * @param transcript where a built-in agent's calls are written as messages; null for none
   */
  public ToolExecutor(AgentTask task, Engagement engagement, ToolRegistry registry, ToolApprovals approvals,
      AgentJournal journal, AgentTranscript transcript) {
    this.task = task;
    this.engagement = engagement;
    this.registry = registry;
    this.approvals = approvals;
    this.journal = journal;
    this.transcript = transcript;
  }

  /** Calls a tool; a tool error or refusal is an outcome, not an exception (the caller decides). */
  public ToolOutcome call(String callId, String name, Map<String, Object> arguments) {
    String id = callId == null ? UUID.randomUUID().toString() : callId;
    ToolOutcome outcome = invoke(id, name, arguments);
    if (transcript != null) {
      transcript.toolCall(id, name, arguments == null ? Map.of() : arguments, outcome);
    }
    return outcome;
  }

  /** A call the model made: the model session writes it into the conversation itself. */
  public ToolOutcome callForModel(String callId, String name, Map<String, Object> arguments) {
    return invoke(callId == null ? UUID.randomUUID().toString() : callId, name, arguments);
  }

  private ToolOutcome invoke(String callId, String name, Map<String, Object> arguments) {
    if (journal != null) {
      journal.checkNotStopped(task.id());
    }
    String id = callId;
    Map<String, Object> args = arguments == null ? Map.of() : arguments;
    AgentTool tool = registry.find(name).orElse(null);
    if (tool == null) {
      event(name, "failed", args, "unknown tool; available: " + registry.all().stream().map(AgentTool::name).toList(), 0);
      return new ToolOutcome(id, name, ToolOutcome.Status.ERROR, null, "unknown tool '" + name + "'", 0);
    }
    ToolOutcome refused = approval(id, name, args);
    if (refused != null) {
      return refused;
    }
    event(name, "running", args, null, 0);
    long start = System.nanoTime();
    try {
      Object result = tool.execute(new ToolCall(id, name, args, task, engagement));
      long ms = (System.nanoTime() - start) / 1_000_000;
      event(name, "completed", args, null, ms);
      return new ToolOutcome(id, name, ToolOutcome.Status.OK, result, null, ms);
    } catch (ApprovalPending pending) {
      throw pending;
    } catch (Exception e) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      event(name, "failed", args, message, ms);
      return new ToolOutcome(id, name, ToolOutcome.Status.ERROR, null, message, ms);
    }
  }

  /**
   * Settles the approval a call needs without running it: null when it may run, the refusal when a reviewer refused
   * it; throws {@link ApprovalPending} while a reviewer has to decide.
   */
  public ToolOutcome approval(String callId, String name, Map<String, Object> arguments) {
    Map<String, Object> args = arguments == null ? Map.of() : arguments;
    if (!approvals.needsApproval(engagement, name)) {
      return null;
    }
    AgentApprovals.Decision decision;
    try {
      decision = approvals.decide(task, engagement, name, args);
    } catch (ApprovalPending pending) {
      event(name, "waiting_approval", args, pending.getMessage(), 0);
      throw pending;
    }
    if (decision.approved()) {
      return null;
    }
    String why = "a reviewer refused this call" + (decision.comment() == null ? "" : ": " + decision.comment());
    event(name, "refused", args, why, 0);
    return new ToolOutcome(callId == null ? UUID.randomUUID().toString() : callId, name, ToolOutcome.Status.REFUSED,
        null, why, 0);
  }

  /** Calls a tool and returns its result, failing the run when the tool fails or is refused. */
  public Object require(String name, Map<String, Object> arguments) {
    ToolOutcome outcome = call(null, name, arguments);
    if (!outcome.ok()) {
      throw new ToolFailedException(outcome);
    }
    return outcome.result();
  }

  public ToolRegistry registry() {
    return registry;
  }

  private void event(String tool, String status, Map<String, Object> arguments, String message, long durationMs) {
    if (journal == null) {
      return;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("tool", tool);
    payload.put("status", status);
    // long texts (a document being written) cut to their start and length: the event says what is being done
    payload.put("arguments", AgentTranscript.shortened(arguments, EVENT_TEXT));
    if (message != null) {
      payload.put("message", message);
    }
    if ("completed".equals(status) || "failed".equals(status)) {
      payload.put("duration_ms", durationMs);
    }
    journal.event(task.id(), AgentEvent.TOOL_CALL, payload);
  }
}
