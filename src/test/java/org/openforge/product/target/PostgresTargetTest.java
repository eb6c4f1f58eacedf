package org.openforge.product.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.ScratchDatabases;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.product.ProductFixtures;
import org.openforge.product.ProductNames;
import org.openforge.product.pipeline.PipelinePlan;
import org.openforge.product.pipeline.PipelineService;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A PostgreSQL database registered with role target: an engagement names it on create, its pipeline loads and
 * publishes there in the platform's own schema and nowhere else; it is never attached as a source; a target that
 * cannot be reached fails the run's load with a message naming it.
 */
class PostgresTargetTest extends IntegrationTest {

  private static String sourceDb;
  private static String targetDb;

  @Autowired
  PipelineService pipelines;
  @Autowired
  EngagementRepository engagementRows;

  @BeforeAll
  static void databases() throws SQLException {
    sourceDb = ScratchDatabases.createPostgres("tsrc");
    targetDb = ScratchDatabases.createPostgres("ttgt");
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "create table public.orders (id integer primary key, amount numeric(10,2) not null)",
          "insert into public.orders select g, g * 1.5 from generate_series(1, 5000) g");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(sourceDb);
    ScratchDatabases.dropPostgres(targetDb);
  }

  private String target(String database, int port) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("host", ScratchDatabases.PG_HOST);
    config.put("port", port);
    config.put("database", database);
    config.put("username", ScratchDatabases.PG_USER);
    config.put("password", "trust-auth-ignores-it");
    Api.Response created = api().post("/api/v1/data-sources", Map.of("name", "target " + System.nanoTime(),
        "source_type", "postgresql", "connection_config", config, "role", "target"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.text("role")).isEqualTo("target");
    return created.text("id");
  }

  @Test
  void thePipelineLoadsAndPublishesIntoThePlatformsSchemaOfTheTarget() throws SQLException {
    String sourceId = ProductFixtures.postgresSource(api(), sourceDb);
    String targetId = target(targetDb, ScratchDatabases.PG_PORT);
    assertThat(api().post("/api/v1/data-sources", Map.of("name", "csv target " + System.nanoTime(), "source_type",
        "csv", "connection_config", Map.of("path", java.nio.file.Path.of("samples/sales").toAbsolutePath()
            .toString()), "role", "target")).status()).as("a target is a PostgreSQL database").isEqualTo(422);
    assertThat(createEngagementStatus(Map.of("name", "T " + System.nanoTime(), "submit", false, "target", sourceId)))
        .as("a source is not a target").isEqualTo(422);
    assertThat(createEngagementStatus(Map.of("name", "T " + System.nanoTime(), "submit", false,
        "data_source_ids", List.of(targetId)))).as("a target is not read by agents").isEqualTo(422);

    String engagementId = createEngagement(Map.of("name", "Target Shop " + System.nanoTime(), "submit", false,
        "target", targetId)).get("id").asText();
    Engagement engagement = engagementRows.findById(engagementId).orElseThrow();
    pipelines.deploy(engagement, new PipelinePlan(PipelinePlan.SCHEMA_VERSION, List.of(
        new PipelinePlan.SourceTable("orders", sourceId, "public.orders")), List.of(new PipelinePlan.Model(
        "revenue", "marts", "aggregate", "select count(*) as orders, sum(amount) as revenue from {{ ref('orders') }}",
        List.of("orders"), List.of()))), "@daily");
    String run = api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of()).text("id");
    driver().runJobs(engagementId);
    JsonNode done = api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs/" + run).json();
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");

    String schema = ProductNames.schema(engagement);
    try (Connection c = ScratchDatabases.postgres(targetDb); Statement s = c.createStatement()) {
      assertThat(one(s, "select count(*) from " + schema + ".orders")).isEqualTo("5000");
      assertThat(one(s, "select revenue from " + schema + ".revenue")).isEqualTo("18753750.00");
      assertThat(one(s, "select string_agg(nspname, ',' order by nspname) from pg_namespace where nspname not like"
          + " 'pg\\_%' and nspname not in ('information_schema', 'public')")).as("only the platform's schemas")
          .matches("(" + schema + "(__v\\d+)?,?)+");
    }

    String unreachable = target(targetDb, 1);
    String other = createEngagement(Map.of("name", "Lost Target " + System.nanoTime(), "submit", false,
        "target", unreachable)).get("id").asText();
    pipelines.deploy(engagementRows.findById(other).orElseThrow(), new PipelinePlan(PipelinePlan.SCHEMA_VERSION,
        List.of(new PipelinePlan.SourceTable("orders", sourceId, "public.orders")), List.of()), "@daily");
    String failed = api().post("/api/v1/engagements/" + other + "/pipeline-runs", Map.of()).text("id");
    driver().runJobs(other);
    JsonNode lost = api().get("/api/v1/engagements/" + other + "/pipeline-runs/" + failed).json();
    assertThat(lost.toString()).as("the step says the target cannot be reached").containsIgnoringCase("connect");
  }

  private int createEngagementStatus(Map<String, Object> body) {
    return api().post("/api/v1/engagements", body).status();
  }

  private static String one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
