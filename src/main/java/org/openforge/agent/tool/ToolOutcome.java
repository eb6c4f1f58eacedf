package org.openforge.agent.tool;

/**
 * What a tool call gave: a result, an error (the tool failed; the model is told), or a refusal (a reviewer rejected
 * the call; the model is told and goes on without it).
 */
public record ToolOutcome(String callId, String tool, Status status, Object result, String message, long durationMs) {

  public enum Status { OK, ERROR, REFUSED }

  public boolean ok() {
    return status == Status.OK;
  }
}
