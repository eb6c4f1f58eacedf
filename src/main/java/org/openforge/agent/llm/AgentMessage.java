package org.openforge.agent.llm;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A stored message of an LLM-assisted run: system, user, assistant (with tool calls) or tool (a result). */
public record AgentMessage(String taskId, int seq, String role, String content, List<Map<String, Object>> toolCalls,
    String channel, OffsetDateTime createdAt) {

  /** The built-in agent's own steps (its input, tool calls and result). */
  public static final String AGENT = "agent";
  /** A model conversation. */
  public static final String MODEL = "model";

  public static final String SYSTEM = "system";
  public static final String USER = "user";
  public static final String ASSISTANT = "assistant";
  public static final String TOOL = "tool";
}
