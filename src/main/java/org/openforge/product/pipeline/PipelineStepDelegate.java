package org.openforge.product.pipeline;

import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.runtime.Job;

/**
 * Base of the pipeline's step delegates: runs the step; when it fails on the last retry of its job, the run is
 * marked failed (in a transaction of its own) before the engine raises the incident.
 */
abstract class PipelineStepDelegate implements JavaDelegate {

  static final String VAR_RUN_ID = "runId";

  protected final PipelineExecutor executor;
  private final ManagementService management;

  PipelineStepDelegate(PipelineExecutor executor, ManagementService management) {
    this.executor = executor;
    this.management = management;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String runId = (String) execution.getVariable(VAR_RUN_ID);
    try {
      step(execution, runId);
    } catch (RuntimeException e) {
      Job job = management.createJobQuery().executionId(execution.getId()).singleResult();
      if (job == null || job.getRetries() <= 1) {
        executor.fail(runId, e.getMessage());
      }
      throw e;
    }
  }

  protected abstract void step(DelegateExecution execution, String runId);
}
