package org.openforge.agent.artifact;

import java.util.List;

/** An artifact whose JSON does not match its kind's schema: the write fails, and with it the agent's run. */
public class InvalidArtifactException extends IllegalArgumentException {

  private final List<String> violations;

  public InvalidArtifactException(String kind, List<String> violations) {
    super("artifact of kind " + kind + " does not match its schema: " + String.join("; ", violations));
    this.violations = List.copyOf(violations);
  }

  public List<String> violations() {
    return violations;
  }
}
