package org.openforge.agent;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.llm.AgentMessage;

/** A message of a run's conversation; an assistant's tool calls carry their results and durations. */
public record AgentMessageView(String role, String content, List<ToolCallView> toolCalls, String channel,
    OffsetDateTime timestamp) {

  /** One tool call: what the model asked and what it got back. */
  public record ToolCallView(String id, String name, String arguments, String result, String status,
      Long durationMs) {}

  static List<AgentMessageView> of(List<AgentMessage> messages) {
    Map<String, AgentMessage> results = new HashMap<>();
    for (AgentMessage m : messages) {
      if (AgentMessage.TOOL.equals(m.role()) && !m.toolCalls().isEmpty()) {
        results.put(String.valueOf(m.toolCalls().get(0).get("id")), m);
      }
    }
    List<AgentMessageView> views = new ArrayList<>();
    for (AgentMessage m : messages) {
      List<ToolCallView> calls = new ArrayList<>();
      for (Map<String, Object> call : m.toolCalls()) {
        String id = String.valueOf(call.get("id"));
        AgentMessage result = AgentMessage.ASSISTANT.equals(m.role()) ? results.get(id) : m;
        Map<String, Object> meta = result == null || result.toolCalls().isEmpty() ? Map.of() : result.toolCalls().get(0);
        Object duration = meta.get("duration_ms");
        calls.add(new ToolCallView(id, String.valueOf(call.get("name")),
            call.get("arguments") == null ? null : String.valueOf(call.get("arguments")),
            result == null ? null : result.content(), meta.get("status") == null ? null : meta.get("status").toString(),
            duration instanceof Number n ? n.longValue() : null));
      }
      views.add(new AgentMessageView(m.role(), m.content() == null ? "" : m.content(), calls, m.channel(),
          m.createdAt()));
    }
    return views;
  }
}
