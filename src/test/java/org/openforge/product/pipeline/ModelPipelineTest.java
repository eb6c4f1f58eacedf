package org.openforge.product.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentResult;
import org.openforge.agent.design.model.ModelChecks;
import org.openforge.agent.design.model.ModelGraph;
import org.openforge.agent.discovery.Contexts;
import org.openforge.agent.discovery.DiscoveryJson;
import org.openforge.agent.discovery.requirements.Requirement;
import org.openforge.agent.discovery.requirements.RequirementsDocument;
import org.openforge.agent.discovery.requirements.RequirementsGatheringAgent;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.DataSources;
import org.openforge.datasource.catalog.Catalogs;
import org.openforge.datasource.catalog.ProfileOptions;
import org.openforge.datasource.catalog.SourceQueries;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.product.target.AnalyticalTarget;
import org.openforge.product.target.ProductTargets;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.support.TestJson;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The design's model graph run as the engagement's pipeline: metric requirements read from the objective, bound to
 * the CSV samples (foreign keys inferred from names and values), models generated and checked, the pipeline
 * deployed from them and run through the engine into the embedded DuckDB target; each aggregate then holds exactly
 * the rows of a query written by hand over the CSV files.
 */
class ModelPipelineTest extends IntegrationTest {

  @Autowired
  ModelGraphPipelines platform;
  @Autowired
  EngagementRepository engagementRows;
  @Autowired
  ProductTargets targets;
  @Autowired
  DataSources dataSources;
  @Autowired
  Catalogs catalogs;
  @Autowired
  SourceQueries queries;

  @Test
  void metricsOfTheCsvSamplesBecomeAPipelineWhoseAggregatesEqualHandWrittenSql() throws Exception {
    Api.Response source = api().post("/api/v1/data-sources", Map.of("name", "sales csv " + System.nanoTime(),
        "source_type", "csv", "connection_config", Map.of("path", Path.of("samples/sales").toAbsolutePath()
            .toString())));
    assertThat(source.status()).as(source.body()).isEqualTo(201);
    DataSourceRecord csv = dataSources.get(source.text("id"));
    String objective = "Monthly revenue by region and revenue per product category";
    String engagementId = createEngagement(Map.of("submit", false, "name", "Model Shop " + System.nanoTime(),
        "objective", objective)).get("id").asText();
    Engagement engagement = engagementRows.findById(engagementId).orElseThrow();

    AgentResult gathered = new RequirementsGatheringAgent(new DiscoveryJson(TestJson.mapper()))
        .run(Contexts.engagement("Model Shop", objective, null).task("requirements_gathering").build());
    RequirementsDocument document = new DiscoveryJson(TestJson.mapper()).read(gathered.artifacts().get(0).content(),
        RequirementsDocument.class);
    List<Requirement> metrics = document.functional();
    ModelGraph graph = ModelGraph.design(List.of(catalogs.profile(csv, ProfileOptions.defaults())), metrics,
        Map.of(), new ModelChecks.Source() {
          @Override
          public ModelChecks.Outcome query(String sourceId, String sql, int maxRows) {
            return new ModelChecks.Outcome(null, "not a database");
          }

          @Override
          public ModelChecks.Outcome sample(String sourceId, String table, int maxRows) {
            return new ModelChecks.Outcome(queries.sample(csv, table, maxRows), null);
          }
        });
    assertThat(graph.metrics()).as(graph.defects().toString()).extracting(ModelGraph.MetricStatus::status)
        .containsExactly("bound", "bound");
    assertThat(graph.defects()).isEmpty();

    PipelinePlan plan = ModelGraphPipelines.plan(graph);
    assertThat(plan.tables()).extracting(PipelinePlan.SourceTable::name)
        .containsExactlyInAnyOrder("sales", "customers", "regions", "products");
    platform.deploy(engagement, graph, "@daily", null);
    driver().runJobs(engagementId);
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(engagementId)
        .taskDefinitionKey(PipelineProcess.REVIEW).singleResult();
    assertThat(review).as("the samples' planted orphan sales stop the run for review").isNotNull();
    tasks.complete(review.getId(), Map.of("decision", "publish", "comment", "the orphans are known"));
    driver().runJobs(engagementId);
    JsonNode run = api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs").json().get("items").get(0);
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(run.get("trigger").asText()).isEqualTo("build");

    String folder = Path.of("samples/sales").toAbsolutePath().toString().replace("'", "''");
    String files = """
        with sales as (select * from read_csv('%1$s/sales.csv', all_varchar = true)),
        customers as (select * from read_csv('%1$s/customers.csv', all_varchar = true)),
        regions as (select * from read_csv('%1$s/regions.csv', all_varchar = true)),
        products as (select * from read_csv('%1$s/products.csv', all_varchar = true))
        """.formatted(folder);
    AnalyticalTarget target = targets.of(engagement);
    String byRegion = graph.metrics().get(0).model();
    String byCategory = graph.metrics().get(1).model();
    // customers.csv repeats two rows whole: the dimension keeps one row per customer, so their sales count once
    List<List<Object>> expectedRegion = duck(files + """
        select r.region_code, r.name, cast(date_trunc('month', try_cast(s.sale_date as date)) as date),
          sum(try_cast(s.amount as decimal(12,2)))
        from sales s left join (select distinct * from customers) c on c.customer_id = s.customer_id
        left join regions r on r.region_code = c.region_code group by 1, 2, 3""");
    assertThat(rows(target, "select * from " + target.kind().qualified(target.schema(), byRegion)))
        .containsExactlyInAnyOrderElementsOf(expectedRegion);
    List<List<Object>> expectedCategory = duck(files + """
        select p.category, sum(try_cast(s.amount as decimal(12,2)))
        from sales s left join products p on p.product_id = s.product_id group by 1""");
    assertThat(rows(target, "select * from " + target.kind().qualified(target.schema(), byCategory)))
        .containsExactlyInAnyOrderElementsOf(expectedCategory);
  }

  private static List<List<Object>> duck(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      return read(c, sql);
    }
  }

  private static List<List<Object>> rows(AnalyticalTarget target, String sql) throws SQLException {
    try (Connection c = target.open()) {
      return read(c, sql);
    }
  }

  private static List<List<Object>> read(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(v == null ? "null" : v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros()
              .toPlainString() : v.toString());
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
