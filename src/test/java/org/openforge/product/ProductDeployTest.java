package org.openforge.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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

/**
 * Deploy, a second Build deployed over it, rollback to the first (its models and data served again), undeploy —
 * with the approver role, each in the audit trail, the schedule on only while deployed.
 */
class ProductDeployTest extends IntegrationTest {

  private static String sourceDb;

  @Autowired
  PipelineService pipelines;
  @Autowired
  EngagementRepository engagementRows;

  @BeforeAll
  static void source() throws SQLException {
    sourceDb = ScratchDatabases.createPostgres("deploy");
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "create table sales (id integer primary key, region text not null, "
          + "amount numeric(10,2) not null)", "insert into sales select g, 'R' || (g % 4), g % 50 "
          + "from generate_series(1, 400) g");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(sourceDb);
  }

  @Autowired
  ProductService products;

  @Test
  void deployRollBackAndUndeploy() {
    String sourceId = ProductFixtures.postgresSource(api(), sourceDb);
    String id = createEngagement(Map.of("submit", false, "name", "Deployed shop")).get("id").asText();
    Engagement engagement = engagementRows.findById(id).orElseThrow();
    String base = "/api/v1/engagements/" + id + "/product";
    assertThat(api().get(base).json().get("status").asText()).isEqualTo("not_deployed");
    assertThat(api().post(base + "/deploy", Map.of()).status()).as("no pipeline yet").isEqualTo(409);

    build(engagement, sourceId, "sum(amount)");
    JsonNode first = withRole("approver").post(base + "/deploy", Map.of()).json();
    assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("active");
    assertThat(first.get("version").asInt()).isEqualTo(1);
    assertThat(first.at("/pipeline/active").asBoolean()).as("the schedule runs once deployed").isTrue();
    assertThat(first.at("/data_api/url").asText()).isEqualTo("/data/v1/" + first.get("name").asText());
    assertThat(first.at("/dashboard/url").asText()).contains("sig=");
    assertThat(first.at("/freshness/late").asBoolean()).isFalse();
    String product = first.get("name").asText();
    assertThat(revenue(product)).isEqualTo(9800.0);
    assertThat(withRole("engineer").post(base + "/rollback", Map.of()).status()).isEqualTo(403);
    assertThat(withRole("approver").post(base + "/rollback", Map.of()).status()).as("no previous version")
        .isEqualTo(409);

    build(engagement, sourceId, "sum(amount) * 2");
    assertThat(revenue(product)).as("a run publishes; the deployed product serves the newest data").isEqualTo(19600.0);
    assertThat(withRole("approver").post(base + "/deploy", Map.of()).json().get("version").asInt()).isEqualTo(2);

    JsonNode rolledBack = withRole("approver").post(base + "/rollback", Map.of()).json();
    assertThat(rolledBack.get("status").asText()).as(rolledBack.toString()).isEqualTo("active");
    assertThat(rolledBack.get("version").asInt()).isEqualTo(3);
    assertThat(revenue(product)).as("the first version's models and data again").isEqualTo(9800.0);
    assertThat(rolledBack.at("/pipeline/version").asInt()).as("its pipeline redeployed as the newest").isEqualTo(3);

    JsonNode stopped = withRole("approver").post(base + "/undeploy", Map.of()).json();
    assertThat(stopped.get("status").asText()).isEqualTo("undeployed");
    assertThat(stopped.at("/pipeline/active").asBoolean()).isFalse();
    assertThat(api().get("/data/v1/" + product + "/revenue_by_region").status()).isEqualTo(404);
    assertThat(api().post(base + "/undeploy", Map.of()).status()).isEqualTo(409);

    List<String> actions = api().get("/api/v1/engagements/" + id + "/audit").json().findValuesAsText("action");
    assertThat(actions).contains("product.deployed", "product.rolled_back", "product.undeployed");
  }

  @Test
  void theDeploymentSignOffPutsTheProductLiveWhenThereIsPublishedData() {
    String sourceId = ProductFixtures.postgresSource(api(), sourceDb);
    String id = createEngagement(Map.of("submit", false, "name", "Signed-off shop")).get("id").asText();
    Engagement engagement = engagementRows.findById(id).orElseThrow();
    ProductService.Publication none = products.publishAfterSignOff(id);
    assertThat(none.published()).isFalse();
    assertThat(none.reason()).isEqualTo("the engagement has no pipeline");

    build(engagement, sourceId, "sum(amount)");
    ProductService.Publication live = products.publishAfterSignOff(id);
    assertThat(live.published()).isTrue();
    assertThat(live.version()).isEqualTo(1);
    JsonNode product = api().get("/api/v1/engagements/" + id + "/product").json();
    assertThat(product.get("status").asText()).isEqualTo("active");
    assertThat(api().get("/api/v1/engagements/" + id + "/audit").json().findValuesAsText("action"))
        .contains("product.not_deployed", "product.deployed");
  }

  private void build(Engagement engagement, String sourceId, String revenue) {
    pipelines.deploy(engagement, new PipelinePlan(PipelinePlan.SCHEMA_VERSION,
        List.of(new SourceTable("sales", sourceId, "public.sales")), List.of(new Model("revenue_by_region", "marts", "aggregate",
            "select region, " + revenue + " as revenue from {{ ref('sales') }} group by region", List.of("sales"),
            List.of()))), "@daily");
    Api.Response run = api().post("/api/v1/engagements/" + engagement.id() + "/pipeline-runs", Map.of());
    assertThat(run.status()).as(run.body()).isEqualTo(202);
    assertThat(driver().runJobs(engagement.id())).isEmpty();
  }

  private double revenue(String product) {
    Api.Response r = api().get("/data/v1/" + product + "/revenue_by_region/summary");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().at("/columns/revenue/sum").asDouble();
  }
}
