package org.openforge.agent;

/** How a run ended; the engine adapter turns each into the job's end (done, BPMN error, or retry/incident). */
public sealed interface AgentRunOutcome {

  /** The result is written and the task completed. */
  record Completed(String summary) implements AgentRunOutcome {}

  /** Nothing to work on, a limit reached or a tool refused: the task failed for good. */
  record Declined(String reason) implements AgentRunOutcome {}

  /** A step waits for a reviewer; the task waits and runs again once they decided. */
  record NeedsApproval(ApprovalPending pending) implements AgentRunOutcome {}

  /** A technical failure (already journaled), or a cancellation (nothing to journal); for the engine to handle. */
  record Failed(Throwable cause) implements AgentRunOutcome {}
}
