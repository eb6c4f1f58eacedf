package org.openforge.agent;

/**
 * An agent does the work of one task type (DESIGN §5). It gets the engagement context and returns outputs,
 * artifacts, a confidence and a summary. A business outcome that leaves nothing to do is an
 * {@link AgentDeclinedException}; any other exception is a technical failure that is retried and then becomes an
 * incident.
 */
public interface Agent {

  String taskType();

  AgentResult run(AgentContext context) throws Exception;
}
