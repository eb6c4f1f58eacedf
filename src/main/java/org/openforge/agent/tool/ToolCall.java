package org.openforge.agent.tool;

import java.util.Map;
import org.openforge.agent.AgentTask;
import org.openforge.engagement.Engagement;

/** One call of a tool by a run: its id, the arguments, and the task and engagement it runs for. */
public record ToolCall(String id, String tool, Map<String, Object> arguments, AgentTask task, Engagement engagement) {

  public String string(String name) {
    Object value = arguments.get(name);
    return value == null ? null : value.toString();
  }

  public String requireString(String name) {
    String value = string(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("argument '" + name + "' is required");
    }
    return value;
  }

  public int integer(String name, int fallback) {
    Object value = arguments.get(name);
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s && !s.isBlank()) {
      return Integer.parseInt(s.trim());
    }
    return fallback;
  }
}
