package org.openforge.product.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * What pipeline runs report to Prometheus: rows written per step ({@code openforge_pipeline_rows_total}) and how long
 * a run took by its outcome ({@code openforge_pipeline_run_seconds}). Tags are the product's slug, never an id a
 * reader must look up.
 */
@Component
public class PipelineMetrics {

  static final String ROWS = "openforge.pipeline.rows";
  static final String RUN = "openforge.pipeline.run";

  private final MeterRegistry registry;

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void rows(String product, String step, String kind, long rows) {
    Counter.builder(ROWS).description("Rows written by pipeline steps").baseUnit("rows")
        .tags("product", product, "step", step, "kind", kind).register(registry).increment(rows);
  }

  void run(String product, String status, OffsetDateTime started, OffsetDateTime finished) {
    Duration took = started == null || finished == null ? Duration.ZERO : Duration.between(started, finished);
    Timer.builder(RUN).description("Pipeline runs by outcome, from start to finish")
        .tags("product", product, "status", status).register(registry).record(took.isNegative() ? Duration.ZERO : took);
  }
}
