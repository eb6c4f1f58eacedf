package org.openforge.agent;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The one delegate of every agent service task: hands the execution to the agent runtime. */
@Component("agentTaskDelegate")
public class AgentTaskDelegate implements JavaDelegate {

  private final AgentRuntime runtime;

  public AgentTaskDelegate(AgentRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    runtime.run(execution);
  }
}
