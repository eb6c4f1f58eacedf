package org.openforge.agent;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One event of a run, streamed to clients: {@code progress} (step, message), {@code tool_call} (tool, status),
 * {@code completed} (result) or {@code failed} (error).
 */
public record AgentEvent(String taskId, int seq, String type, Map<String, Object> payload, OffsetDateTime createdAt) {

  public static final String PROGRESS = "progress";
  public static final String TOOL_CALL = "tool_call";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  public boolean terminal() {
    return COMPLETED.equals(type) || FAILED.equals(type);
  }
}
