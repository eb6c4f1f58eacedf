package org.openforge.product.pipeline;

import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The delegates of every generated pipeline process: each reads the run id and calls one executor step. */
final class PipelineDelegates {

  private PipelineDelegates() {}

  /** Creates the run record; the business key is the engagement, as for every process of an engagement. */
  @Component("pipelinePrepareDelegate")
  static class Prepare implements JavaDelegate {
    private final PipelineExecutor executor;

    Prepare(PipelineExecutor executor) {
      this.executor = executor;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String engagementId = (String) execution.getVariable(PipelineProcess.VAR_ENGAGEMENT_ID);
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey(engagementId);
      }
      Object trigger = execution.getVariable("trigger");
      PipelineExecutor.Started started = executor.prepare(engagementId, execution.getProcessInstanceId(),
          trigger == null ? "schedule" : trigger.toString());
      execution.getProcessInstance().setVariable(PipelineProcess.VAR_ENGAGEMENT_ID, engagementId);
      execution.getProcessInstance().setVariable(PipelineStepDelegate.VAR_RUN_ID, started.runId());
    }
  }

  @Component("pipelineLoadDelegate")
  static class Load extends PipelineStepDelegate {
    Load(PipelineExecutor executor, ManagementService management) {
      super(executor, management);
    }

    @Override
    protected void step(DelegateExecution execution, String runId) {
      executor.load(runId, (String) execution.getVariable(PipelineProcess.VAR_TABLE));
    }
  }

  @Component("pipelineBuildDelegate")
  static class Build extends PipelineStepDelegate {
    Build(PipelineExecutor executor, ManagementService management) {
      super(executor, management);
    }

    @Override
    protected void step(DelegateExecution execution, String runId) {
      executor.build(runId);
    }
  }

  @Component("pipelineTestDelegate")
  static class Test extends PipelineStepDelegate {
    Test(PipelineExecutor executor, ManagementService management) {
      super(executor, management);
    }

    @Override
    protected void step(DelegateExecution execution, String runId) {
      boolean failed = executor.test(runId);
      execution.setVariable(PipelineProcess.VAR_QUALITY_FAILED, failed);
      if (failed) {
        execution.setVariable(PipelineProcess.VAR_QUALITY_REPORT, executor.qualityReport(runId));
      }
    }
  }

  @Component("pipelinePublishDelegate")
  static class Publish extends PipelineStepDelegate {
    Publish(PipelineExecutor executor, ManagementService management) {
      super(executor, management);
    }

    @Override
    protected void step(DelegateExecution execution, String runId) {
      executor.publish(runId);
    }
  }

  @Component("pipelineKeepPreviousDelegate")
  static class KeepPrevious extends PipelineStepDelegate {
    KeepPrevious(PipelineExecutor executor, ManagementService management) {
      super(executor, management);
    }

    @Override
    protected void step(DelegateExecution execution, String runId) {
      executor.keepPrevious(runId);
    }
  }
}
