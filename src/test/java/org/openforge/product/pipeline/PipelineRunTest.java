package org.openforge.product.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.ScratchDatabases;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.product.pipeline.PipelinePlan.Model;
import org.openforge.product.pipeline.PipelinePlan.ModelTest;
import org.openforge.product.pipeline.PipelinePlan.SourceTable;
import org.openforge.product.target.ProductTargets;
import org.openforge.product.target.AnalyticalTarget;
import org.openforge.product.ProductFixtures;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A pipeline run end to end through the engine, on a real PostgreSQL source into the embedded DuckDB target: every
 * row of every table loaded (the junction table too), models built in dependency order, tests run, the new version
 * published; then planted orphans stop a run at "Review data quality" with the exact count while the published data
 * stays, and a clean rerun does not duplicate rows.
 */
class PipelineRunTest extends IntegrationTest {

  private static final String REVENUE_BY_MONTH = """
      select cast(date_trunc('month', o.order_date) as date) as month, sum(l.quantity * l.unit_price) as revenue
      from shop.order_line l join shop.orders o on o.id = l.order_id
      group by 1 order by 1""";

  private static String sourceDb;

  @Autowired
  PipelineService pipelines;
  @Autowired
  EngagementRepository engagementRows;
  @Autowired
  ProductTargets targets;
  @Autowired
  org.openforge.engagement.ArtifactService artifacts;
  @Autowired
  org.openforge.lifecycle.GateEvidenceService evidence;
  @Autowired
  org.operaton.bpm.engine.DecisionService decisions;

  @BeforeAll
  static void source() throws SQLException {
    sourceDb = ScratchDatabases.createPostgres("pipeline");
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "create schema shop",
          "create table shop.customer (id integer primary key, name text not null, country text)",
          "create table shop.product (id integer primary key, name text not null, price numeric(10,2) not null)",
          "create table shop.orders (id integer primary key, customer_id integer not null references shop.customer,"
              + " order_date date not null)",
          "create table shop.order_line (order_id integer not null references shop.orders, product_id integer not"
              + " null, quantity integer not null, unit_price numeric(10,2) not null, primary key (order_id, product_id))",
          "insert into shop.customer select g, 'customer ' || g, case when g % 3 = 0 then null else 'C' || (g % 5)"
              + " end from generate_series(1, 200) g",
          "insert into shop.product select g, 'product ' || g, 1 + g % 40 from generate_series(1, 50) g",
          "insert into shop.orders select g, 1 + g % 200, date '2024-01-01' + (g % 365) from generate_series(1, 3000) g",
          "insert into shop.order_line select o, 1 + (o + 17 * k) % 50, 1 + k, 1 + (o + k) % 40"
              + " from generate_series(1, 3000) o, generate_series(1, 3) k");
    }
  }

  @AfterAll
  static void dropSource() {
    ScratchDatabases.dropPostgres(sourceDb);
  }

  @Test
  void runsLoadBuildTestAndPublishThenHoldsBadDataForReview() throws SQLException {
    String sourceId = dataSource();
    String engagementId = createEngagement(Map.of("submit", false, "name", "Pipeline Shop")).get("id").asText();
    Engagement engagement = engagementRows.findById(engagementId).orElseThrow();
    pipelines.deploy(engagement, plan(sourceId), "@daily");
    assertThat(management.createJobQuery().processDefinitionKey(PipelineProcess.key(
        org.openforge.product.ProductNames.slug(engagement))).timers().active().count())
        .as("the schedule is off until the product is deployed").isZero();

    Api.Response started = api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(started.text("status")).isEqualTo("running");
    assertThat(api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of()).status())
        .as("one run at a time").isEqualTo(409);
    assertThat(driver().runJobs(engagementId)).isEmpty();

    JsonNode run = api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs/" + started.text("id")).json();
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    Map<String, Long> written = new LinkedHashMap<>();
    run.get("steps").forEach(s -> written.put(s.get("name").asText(), s.get("rows_written").asLong()));
    assertThat(written).containsEntry("load customer", 200L).containsEntry("load product", 50L)
        .containsEntry("load orders", 3000L).containsEntry("load order_line", 9000L)
        .containsEntry("model fct_sales", 9000L).containsKey("publish");
    assertThat(run.get("tests")).allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("passed"));

    AnalyticalTarget target = targets.of(engagement);
    List<List<Object>> expected = query(ScratchDatabases.postgres(sourceDb), REVENUE_BY_MONTH);
    assertThat(query(target.open(), "select month, revenue from " + target.kind().qualified(target.schema(),
        "revenue_by_month") + " order by 1")).isEqualTo(expected).hasSize(12);

    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "insert into shop.order_line values (1, 999, 1, 5), (2, 998, 2, 5)");
    }
    String second = api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of()).text("id");
    driver().runJobs(engagementId);
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(engagementId)
        .taskDefinitionKey(PipelineProcess.REVIEW).singleResult();
    assertThat(review).as("waiting at Review data quality").isNotNull();
    JsonNode held = api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs/" + second).json();
    assertThat(held.get("status").asText()).isEqualTo("running");
    JsonNode orphans = failing(held, "relationships(product_id -> product.id)");
    assertThat(orphans.get("failing_rows").asLong()).isEqualTo(2);
    assertThat(orphans.get("examples")).hasSize(2);
    assertThat((String) runtime.getVariable(review.getProcessInstanceId(), PipelineProcess.VAR_QUALITY_REPORT))
        .contains("2 failing rows");
    assertThat(query(target.open(), "select count(*) from " + target.kind().qualified(target.schema(), "order_line")))
        .as("the published data is unchanged").isEqualTo(List.of(List.of(9000L)));

    artifacts.record(engagementId, "build", null, new org.openforge.engagement.ArtifactService.Draft(
        "pipeline-spec.json", "pipeline_spec", "application/json", "{}", "spec", Map.of("pipeline_count", 1,
        "quality_checks_run", true, "quality_checks_failed", 0, "platform_pipeline_version", 1)));
    assertThat(unmetBuildRequirements(engagementId)).as("the first run passed, the newest holds failing tests")
        .contains("pipelines_created", "transformations_validated");
    tasks.complete(review.getId(), Map.of("decision", "keep", "comment", "orphans from a broken import"));
    driver().runJobs(engagementId);
    assertThat(api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs/" + second).json()
        .get("status").asText()).isEqualTo("quality_failed");

    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "delete from shop.order_line where product_id > 50");
    }
    String third = api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of()).text("id");
    driver().runJobs(engagementId);
    assertThat(api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs/" + third).json()
        .get("status").asText()).isEqualTo("succeeded");
    assertThat(query(target.open(), "select count(*) from " + target.kind().qualified(target.schema(), "order_line")))
        .as("a rerun replaces, never duplicates").isEqualTo(List.of(List.of(9000L)));
    assertThat(unmetBuildRequirements(engagementId)).as("a clean run on the full data meets both")
        .doesNotContain("pipelines_created", "transformations_validated");
    try (Connection c = target.open()) {
      assertThat(org.openforge.product.target.Publisher.versions(target, c))
          .as("the live version and the previous published one; the rejected run's is gone").containsExactly(1, 3);
    }
    assertThat(api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs").json().get("total").asLong())
        .isEqualTo(3);
  }

  @Test
  void loadsCsvFilesAndFindsThePlantedOrphansOfTheSamples() {
    Api.Response source = api().post("/api/v1/data-sources", Map.of("name", "sales csv " + System.nanoTime(),
        "source_type", "csv", "connection_config", Map.of("path", java.nio.file.Path.of("samples/sales")
            .toAbsolutePath().toString())));
    assertThat(source.status()).as(source.body()).isEqualTo(201);
    String sourceId = source.text("id");
    String engagementId = createEngagement(Map.of("submit", false, "name", "Csv Shop")).get("id").asText();
    List<SourceTable> tables = java.util.stream.Stream.of("regions", "customers", "products", "sales")
        .map(t -> new SourceTable(t, sourceId, t)).toList();
    Model fact = new Model("fct_sales", "marts", "fact", "select sale_id, customer_id, product_id, amount from "
        + "{{ ref('sales') }}", List.of("sales"), List.of(ModelTest.unique("fct_sales", "sale_id"),
        ModelTest.relationships("fct_sales", "customer_id", "customers", "customer_id")));
    pipelines.deploy(engagementRows.findById(engagementId).orElseThrow(),
        new PipelinePlan(PipelinePlan.SCHEMA_VERSION, tables, List.of(fact)), "0 6 * * *");

    String run = api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of()).text("id");
    driver().runJobs(engagementId);
    JsonNode held = api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs/" + run).json();
    Map<String, Long> written = new LinkedHashMap<>();
    held.get("steps").forEach(st -> written.put(st.get("name").asText(), st.get("rows_written").asLong()));
    assertThat(written).containsEntry("load regions", 8L).containsEntry("load customers", 202L)
        .containsEntry("load products", 40L).containsEntry("load sales", 600L);
    assertThat(failing(held, "relationships(customer_id -> customers.customer_id)").get("failing_rows").asLong())
        .as("the five planted orphan sales").isEqualTo(5);
    assertThat(failing(held, "unique(sale_id)").get("status").asText()).isEqualTo("passed");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(engagementId)
        .taskDefinitionKey(PipelineProcess.REVIEW).count()).isEqualTo(1);
  }

  /** The Build gate's unmet requirements on the engagement's evidence, as the phase would evaluate them. */
  private List<String> unmetBuildRequirements(String engagementId) {
    Map<String, Object> facts = evidence.facts(engagementId, org.openforge.process.Phase.BUILD, null, null);
    return decisions.evaluateDecisionTableByKey("gate-build", facts).getResultList().stream()
        .map(r -> String.valueOf(r.get("requirement"))).toList();
  }

  private static JsonNode failing(JsonNode run, String test) {
    for (JsonNode t : run.get("tests")) {
      if (t.get("test").asText().equals(test)) {
        return t;
      }
    }
    throw new AssertionError("no test " + test + " in " + run);
  }

  private PipelinePlan plan(String sourceId) {
    List<SourceTable> tables = List.of(new SourceTable("customer", sourceId, "shop.customer"),
        new SourceTable("product", sourceId, "shop.product"), new SourceTable("orders", sourceId, "shop.orders"),
        new SourceTable("order_line", sourceId, "shop.order_line"));
    Model revenue = new Model("revenue_by_month", "marts", "aggregate", """
        select cast(date_trunc('month', order_date) as date) as month, sum(amount) as revenue
        from {{ ref('fct_sales') }} group by 1""", List.of("fct_sales"), List.of(
        ModelTest.notNull("revenue_by_month", "month"), ModelTest.unique("revenue_by_month", "month"),
        new ModelTest("reconciles with fct_sales", "reconciliation", """
            select * from (select (select sum(amount) from {{ ref('fct_sales') }}) as fact,
              (select sum(revenue) from {{ ref('revenue_by_month') }}) as aggregate) totals
            where fact <> aggregate""")));
    Model fact = new Model("fct_sales", "marts", "fact", """
        select l.order_id, l.product_id, o.customer_id, o.order_date, l.quantity * l.unit_price as amount
        from {{ ref('order_line') }} l join {{ ref('orders') }} o on o.id = l.order_id""",
        List.of("order_line", "orders"), List.of(ModelTest.notNull("fct_sales", "amount"),
        ModelTest.relationships("fct_sales", "product_id", "product", "id"),
        ModelTest.relationships("fct_sales", "customer_id", "customer", "id")));
    // listed downstream first: the run builds in dependency order
    return new PipelinePlan(PipelinePlan.SCHEMA_VERSION, tables, List.of(revenue, fact));
  }

  private String dataSource() {
    return ProductFixtures.postgresSource(api(), sourceDb);
  }

  /** Every row as a list of values, numbers normalised so DuckDB and PostgreSQL compare equal. */
  private static List<List<Object>> query(Connection connection, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (connection; Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof BigDecimal d ? d.stripTrailingZeros() : v instanceof Number n && !(v instanceof Long)
              ? new BigDecimal(n.toString()).stripTrailingZeros() : v == null ? "null" : v instanceof Long ? v
              : v.toString());
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
