package org.openforge.lifecycle;

import org.openforge.process.ProcessIds;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.openforge.agent.AgentTaskRepository;
import org.springframework.stereotype.Component;

/**
 * End listener of every phase process: when a phase ends — signed off, forced on, sent back, or its engagement
 * cancelled — the agent work it still had running ends with it, and those tasks are marked cancelled. Agent runs a
 * phase calls are their own instances and mark their tasks themselves ({@code agentRunEndListener}); this covers
 * phase versions that ran agents inside the phase instance, which may still be running.
 */
@Component("phaseEndListener")
public class PhaseEndListener implements ExecutionListener {

  private final AgentTaskRepository tasks;
  private final Clock clock;

  public PhaseEndListener(AgentTaskRepository tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String engagementId = (String) execution.getVariable(ProcessIds.VAR_ENGAGEMENT_ID);
    tasks.cancelOpen(engagementId, execution.getProcessInstanceId(), "its phase ended",
        OffsetDateTime.now(clock));
  }
}
