package org.openforge.agent;

/**
 * A business outcome: the agent has nothing to work on (no data source attached, no ontology yet, ...). The task
 * ends without output on the BPMN error {@code AGENT_DECLINED}; it is not an incident.
 */
public class AgentDeclinedException extends RuntimeException {

  public static final String ERROR_CODE = "AGENT_DECLINED";

  public AgentDeclinedException(String reason) {
    super(reason);
  }
}
