package org.openforge.product.pipeline;

import java.util.List;
import org.springframework.stereotype.Component;

/** The multi-instance collection of the load step: the tables of the run's plan (no list stored as a variable). */
@Component("pipelineTables")
public class PipelineTables {

  private final PipelineExecutor executor;

  public PipelineTables(PipelineExecutor executor) {
    this.executor = executor;
  }

  public List<String> of(String runId) {
    return executor.tables(runId);
  }
}
