package org.openforge.agent.tool;

import java.util.Map;

/**
 * A tool call that needs a reviewer's decision first: the run stops here (BPMN error TOOL_APPROVAL_REQUIRED), a
 * Tasklist approval shows the call, and the run resumes after the decision.
 */
public class ToolApprovalPending extends RuntimeException {

  private final String tool;
  private final Map<String, Object> arguments;
  private final String fingerprint;
  private final String reason;

  public ToolApprovalPending(String tool, Map<String, Object> arguments, String fingerprint, String reason) {
    super("the call of " + tool + " waits for approval: " + reason);
    this.tool = tool;
    this.arguments = arguments;
    this.fingerprint = fingerprint;
    this.reason = reason;
  }

  public String tool() {
    return tool;
  }

  public Map<String, Object> arguments() {
    return arguments;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public String reason() {
    return reason;
  }
}
