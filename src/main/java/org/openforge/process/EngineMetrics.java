package org.openforge.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine's health as Prometheus sees it: open incidents, jobs due now, and jobs whose retries are spent. Counted
 * when scraped, across all nodes sharing the database.
 */
@Component
public class EngineMetrics implements MeterBinder {

  private final RuntimeService runtime;
  private final ManagementService management;

  public EngineMetrics(RuntimeService runtime, ManagementService management) {
    this.runtime = runtime;
    this.management = management;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("openforge.engine.incidents.open", runtime, r -> r.createIncidentQuery().count())
        .description("Open incidents in the engine (Cockpit shows them)").register(registry);
    Gauge.builder("openforge.engine.jobs.executable", management,
        m -> m.createJobQuery().executable().count())
        .description("Jobs due now with retries left").register(registry);
    Gauge.builder("openforge.engine.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
        .description("Jobs whose retries are spent").register(registry);
  }
}
