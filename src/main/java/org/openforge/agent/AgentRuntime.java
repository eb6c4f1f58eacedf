package org.openforge.agent;

import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.runtime.Job;
import org.openforge.approval.ReviewItemsCodec;
import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import org.springframework.stereotype.Component;

/**
 * The engine side of an agent run, inside its BPMN service task job: reads the execution (task type, engagement,
 * agent task, the job and its retries), has the {@link AgentRunner} run it, and ends the job by the outcome —
 * completed; a step waiting for approval (BPMN error APPROVAL_REQUIRED, the request in process variables for the
 * approval task); declined (BPMN error AGENT_DECLINED, the task failed for good); a technical failure (rethrown: the
 * engine retries, then raises an incident).
 */
@Component
public class AgentRuntime {

  public static final String ERROR_APPROVAL_REQUIRED = "APPROVAL_REQUIRED";

  private final AgentRunner runner;
  private final ManagementService management;
  private final ReviewItemsCodec codec;

  public AgentRuntime(AgentRunner runner, ManagementService management, ReviewItemsCodec codec) {
    this.runner = runner;
    this.management = management;
    this.codec = codec;
  }

  /** Runs the agent of the service task the execution is in. */
  public void run(DelegateExecution execution) {
    String taskType = (String) execution.getVariable(ProcessIds.VAR_TASK_TYPE);
    String agentTaskId = (String) execution.getVariable(ProcessIds.VAR_AGENT_TASK_ID);
    Phase phase = Phase.ofTaskType(taskType)
        .orElseThrow(() -> new IllegalStateException("unknown task type '" + taskType + "'"));
    Job job = currentJob(execution);
    // the job's execution stays the same over retries and tool approvals (the task's scope execution may not)
    String runKey = job != null ? job.getExecutionId() : execution.getId();
    AgentRunOutcome outcome = runner.run(new AgentRunRequest(agentTaskId, taskType, phase,
        execution.getProcessBusinessKey(), execution.getProcessInstanceId(), runKey,
        job == null || job.getRetries() <= 1));
    if (outcome instanceof AgentRunOutcome.NeedsApproval waiting) {
      pause(execution, phase, waiting.pending());
      throw new BpmnError(ERROR_APPROVAL_REQUIRED, waiting.pending().getMessage());
    } else if (outcome instanceof AgentRunOutcome.Declined declined) {
      throw new BpmnError(AgentDeclinedException.ERROR_CODE, declined.reason());
    } else if (outcome instanceof AgentRunOutcome.Failed failed) {
      throw rethrown(failed.cause());
    }
  }

  /** Puts the pending request where the approval task finds it. */
  private void pause(DelegateExecution execution, Phase phase, ApprovalPending pending) {
    execution.setVariable(ProcessIds.VAR_APPROVAL_TYPE, pending.type().value());
    execution.setVariable(ProcessIds.VAR_PHASE, phase.value());
    execution.setVariable("approvalForm", pending.form());
    execution.setVariable("approvalTitle", pending.title());
    execution.setVariable("approvalDescription", pending.description());
    execution.setVariable("approvalItems", codec.encode(pending.items()));
    execution.setVariable("approvalContext", codec.encode(pending.context()));
  }

  /** The failure as the engine should see it: unchecked as it was, a checked one wrapped. */
  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException e) {
      return e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause.getMessage(), cause);
  }

  /**
   * The asynchronous-continuation job running this service task (on the task's execution or its parent): the job the
   * job executor is running on this thread when it is that one (no query), else found by a job query.
   */
  private Job currentJob(DelegateExecution execution) {
    org.operaton.bpm.engine.impl.jobexecutor.JobExecutorContext running =
        org.operaton.bpm.engine.impl.context.Context.getJobExecutorContext();
    Job current = running == null ? null : running.getCurrentJob();
    if (current != null && execution.getProcessInstanceId().equals(current.getProcessInstanceId())
        && (execution.getId().equals(current.getExecutionId())
            || java.util.Objects.equals(execution.getParentId(), current.getExecutionId()))) {
      return current;
    }
    return management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId()).list().stream()
        .filter(j -> j.getExecutionId().equals(execution.getId())
            || j.getExecutionId().equals(execution.getParentId()))
        .findFirst().orElse(null);
  }
}
