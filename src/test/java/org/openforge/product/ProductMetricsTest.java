package org.openforge.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.ScratchDatabases;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.product.pipeline.PipelinePlan;
import org.openforge.product.pipeline.PipelinePlan.Model;
import org.openforge.product.pipeline.PipelinePlan.SourceTable;
import org.openforge.product.pipeline.PipelineService;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /actuator/prometheus} over HTTP after a pipeline run: rows, run time, freshness and the engine's gauges. */
class ProductMetricsTest extends IntegrationTest {

  private static String sourceDb;

  @Autowired
  PipelineService pipelines;
  @Autowired
  EngagementRepository engagementRows;

  @BeforeAll
  static void source() throws SQLException {
    sourceDb = ScratchDatabases.createPostgres("metrics");
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "create table orders (id integer primary key, region text not null)",
          "insert into orders select g, 'R' || (g % 3) from generate_series(1, 137) g");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(sourceDb);
  }

  @Test
  void prometheusShowsThePipelineAndTheProduct() {
    assertThat(anonymous().get("/actuator/prometheus").status()).as("metrics need a key").isEqualTo(401);
    assertThat(anonymous().get("/actuator/health").status()).as("health stays open").isEqualTo(200);

    String sourceId = ProductFixtures.postgresSource(api(), sourceDb);
    String id = createEngagement(Map.of("submit", false, "name", "Metered shop")).get("id").asText();
    Engagement engagement = engagementRows.findById(id).orElseThrow();
    pipelines.deploy(engagement, new PipelinePlan(PipelinePlan.SCHEMA_VERSION,
        List.of(new SourceTable("orders", sourceId, "public.orders")), List.of(new Model("orders_by_region", "marts", "aggregate",
            "select region, count(*) as orders from {{ ref('orders') }} group by region", List.of("orders"),
            List.of()))), "@daily");
    Api.Response run = api().post("/api/v1/engagements/" + id + "/pipeline-runs", Map.of());
    assertThat(run.status()).as(run.body()).isEqualTo(202);
    assertThat(driver().runJobs(id)).isEmpty();
    String product = withRole("approver").post("/api/v1/engagements/" + id + "/product/deploy", Map.of()).json()
        .get("name").asText();

    Api.Response scrape = withRole("viewer").get("/actuator/prometheus");
    assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
    String text = scrape.body();
    assertThat(value(text, "openforge_pipeline_rows_total", "kind=\"load\",product=\"" + product
        + "\",step=\"load orders\"")).as("the rows the load wrote").isEqualTo(137.0);
    assertThat(value(text, "openforge_pipeline_run_seconds_count", "product=\"" + product
        + "\",status=\"succeeded\"")).isEqualTo(1.0);
    double age = value(text, "openforge_product_freshness_seconds", "product=\"" + product + "\"");
    assertThat(age).as("seconds since the publish a moment ago").isGreaterThanOrEqualTo(0.0).isLessThan(3600.0);
    assertThat(text).contains("openforge_engine_incidents_open ", "openforge_engine_jobs_executable ",
        "openforge_engine_jobs_failed ");

    withRole("approver").post("/api/v1/engagements/" + id + "/product/undeploy", Map.of());
    assertThat(api().get("/actuator/prometheus").body()).as("an undeployed product has no freshness")
        .doesNotContain("openforge_product_freshness_seconds{product=\"" + product + "\"");
  }

  /** The value of the series with exactly these labels (Prometheus sorts them by name). */
  private static double value(String text, String name, String labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels) + "[^}]*} (\\S+)$").matcher(text);
    assertThat(m.find()).as(name + "{" + labels + "} in\n" + text.lines().filter(l -> l.startsWith("openforge_"))
        .toList()).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
