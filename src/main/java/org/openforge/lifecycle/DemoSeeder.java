package org.openforge.lifecycle;

import org.openforge.engagement.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openforge.datasource.CreateDataSourceRequest;
import org.openforge.datasource.DataSourceService;
import org.openforge.datasource.DataSourceView;
import org.openforge.security.Caller;
import org.openforge.system.OpenForgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the first start of a platform with demo data enabled (the embedded default), creates the "Sales Analytics
 * Platform" engagement over the CSV sample data in {@code samples/sales}: its kick-off approval waits in Tasklist, and
 * once approved the Discovery agents catalogue the samples (with their planted defects).
 */
@Component
public class DemoSeeder {

  static final String NAME = "Sales Analytics Platform";
  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  private final OpenForgeProperties properties;
  private final EngagementRepository engagements;
  private final EngagementService engagementService;
  private final DataSourceService dataSources;

  public DemoSeeder(OpenForgeProperties properties, EngagementRepository engagements,
      EngagementService engagementService, DataSourceService dataSources) {
    this.properties = properties;
    this.engagements = engagements;
    this.engagementService = engagementService;
    this.dataSources = dataSources;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seed() {
    if (!properties.demo().enabled() || engagements.count() > 0) {
      return;
    }
    Path sales = properties.samplesDir().resolve("sales").toAbsolutePath().normalize();
    if (!Files.isDirectory(sales)) {
      log.warn("Demo data not seeded: no sample folder at {} (set OPENFORGE_SAMPLES_DIR)", sales);
      return;
    }
    Caller demo = new Caller(null, "demo-seed", org.openforge.security.Role.ADMIN);
    DataSourceView source = dataSources.create(new CreateDataSourceRequest("Sales sample (CSV)", "csv",
        Map.of("path", sales.toString()), "Regions, customers, products and sales, with planted data defects"), demo);
    dataSources.test(source.id(), demo);
    EngagementView engagement = engagementService.create(new CreateEngagementRequest(NAME,
        "Build a dashboard showing weekly sales by region with 24-hour data freshness",
        """
        We need to:
        - Analyze sales trends across regions
        - Track customer behavior patterns
        - Generate weekly performance reports

        The Sales VP sponsors the project and signs off each phase; the regional managers use the dashboard every
        week and need exports; the data team supports the pipelines.""",
        Priority.HIGH, null, List.of(source.id()), true, true), demo);
    log.info("Seeded the demo engagement '{}' ({}): its kick-off approval waits in Tasklist", NAME, engagement.id());
  }
}
