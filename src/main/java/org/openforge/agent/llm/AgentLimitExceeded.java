package org.openforge.agent.llm;

/** A run went past one of its limits (iterations, time, token budget): it stops with this clear failure. */
public class AgentLimitExceeded extends RuntimeException {

  public AgentLimitExceeded(String message) {
    super(message);
  }
}
