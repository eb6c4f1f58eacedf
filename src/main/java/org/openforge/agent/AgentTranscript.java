package org.openforge.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.llm.AgentMessage;
import org.openforge.agent.llm.AgentMessageRepository;
import org.openforge.agent.tool.ToolOutcome;
import org.openforge.system.JsonText;

/**
 * The messages of a built-in agent's run — its input, each tool call with arguments, result and duration, and its
 * outcome — so that every run, with or without a model, can be read at {@code /agents/tasks/{id}/messages}.
 * Stored on the {@code agent} channel, apart from model conversations.
 */
public class AgentTranscript {

  private static final int MAX_RESULT = 16_000;
  private static final int MAX_ARGUMENT = 1_000;

  private final AgentMessageRepository messages;
  private final JsonText json;
  private final String taskId;

  public AgentTranscript(AgentMessageRepository messages, JsonText json, String taskId) {
    this.messages = messages;
    this.json = json;
    this.taskId = taskId;
  }

  public void input(AgentTask task, int attempt) {
    StringBuilder text = new StringBuilder("Task ").append(task.taskType());
    if (attempt > 1) {
      text.append(" (run ").append(attempt).append(')');
    }
    if (task.description() != null && !task.description().isBlank()) {
      text.append(": ").append(task.description());
    }
    if (task.inputData() != null && !task.inputData().isEmpty()) {
      text.append("\nInput: ").append(json.write(task.inputData()));
    }
    messages.appendLater(taskId, AgentMessage.USER, text.toString(), null, AgentMessage.AGENT);
  }

  public void toolCall(String callId, String tool, Map<String, Object> arguments, ToolOutcome outcome) {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("id", callId);
    call.put("name", tool);
    call.put("arguments", truncate(json.write(shortened(arguments, MAX_ARGUMENT))));
    messages.appendLater(taskId, AgentMessage.ASSISTANT, "", List.of(call), AgentMessage.AGENT);
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("id", callId);
    ref.put("name", tool);
    ref.put("status", outcome.status().name().toLowerCase());
    ref.put("duration_ms", outcome.durationMs());
    String result = switch (outcome.status()) {
      case OK -> outcome.result() instanceof String s ? s : json.write(outcome.result());
      case ERROR -> "ERROR: " + outcome.message();
      case REFUSED -> "REFUSED: " + outcome.message();
    };
    messages.appendLater(taskId, AgentMessage.TOOL, truncate(result), List.of(ref), AgentMessage.AGENT);
  }

  public void outcome(String text) {
    messages.appendLater(taskId, AgentMessage.ASSISTANT, text, null, AgentMessage.AGENT);
  }

  /**
   * The arguments with texts over {@code limit} characters cut to their start and length: a document being written
   * is kept by its artifact (the call's result names its id and version), not copied into the transcript (1,000) or
   * a tool-call event (200).
   */
  public static Map<String, Object> shortened(Map<String, Object> arguments, int limit) {
    Map<String, Object> shown = new LinkedHashMap<>();
    arguments.forEach((key, value) -> shown.put(key, value instanceof String text && text.length() > limit
        ? text.substring(0, limit) + "… (" + text.length() + " characters)" : value));
    return shown;
  }

  private static String truncate(String text) {
    return text == null || text.length() <= MAX_RESULT ? text : text.substring(0, MAX_RESULT) + " …(truncated)";
  }
}
