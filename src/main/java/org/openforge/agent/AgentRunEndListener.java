package org.openforge.agent;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the agent-task process: a run that ends before its task finished — its phase ended and took the
 * called instance along, or the instance was deleted (API cancel, Cockpit, the engagement cancelled) — leaves its
 * task cancelled rather than running. A run that finished has already recorded its outcome; this changes nothing.
 */
@Component("agentRunEndListener")
public class AgentRunEndListener implements ExecutionListener {

  /** The end events of a run that recorded its outcome (completed, or declined: failed for good). */
  private static final java.util.Set<String> FINISHED = java.util.Set.of("EndEvent_EvidenceRecorded",
      "EndEvent_AgentDeclined");

  private final AgentTaskRepository tasks;
  private final Clock clock;

  public AgentRunEndListener(AgentTaskRepository tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String at = execution.getCurrentActivityId();
    if (at != null && FINISHED.contains(at)) {
      return;
    }
    String reason = execution.getSuperExecution() != null ? "its phase ended" : "its process instance was deleted";
    tasks.cancelOpen(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), reason,
        OffsetDateTime.now(clock));
  }
}
