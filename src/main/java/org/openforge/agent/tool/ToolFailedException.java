package org.openforge.agent.tool;

/** A tool an agent cannot do without failed or was refused. Refusals are business outcomes; failures technical. */
public class ToolFailedException extends RuntimeException {

  private final ToolOutcome outcome;

  public ToolFailedException(ToolOutcome outcome) {
    super(outcome.tool() + " " + (outcome.status() == ToolOutcome.Status.REFUSED ? "was refused" : "failed") + ": "
        + outcome.message());
    this.outcome = outcome;
  }

  public ToolOutcome outcome() {
    return outcome;
  }

  public boolean refused() {
    return outcome.status() == ToolOutcome.Status.REFUSED;
  }
}
