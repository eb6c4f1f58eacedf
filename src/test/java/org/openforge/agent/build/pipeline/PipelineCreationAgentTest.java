package org.openforge.agent.build.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.agent.build.BuildAgentTest;
import org.openforge.agent.build.PythonSyntax;
import org.openforge.agent.build.SalesSamples;
import org.openforge.engagement.Artifact;

/** pipeline_creation on the samples: the checks' numbers against SQL and file ground truth, the Dagster project. */
class PipelineCreationAgentTest extends BuildAgentTest {

  private static String database;

  @BeforeAll
  static void load() {
    database = SalesSamples.createDatabase("build");
  }

  @AfterAll
  static void drop() {
    SalesSamples.dropDatabase(database);
  }

  @Test
  void postgresSampleChecksMatchSqlGroundTruth() {
    String engagement = engagement();
    String source = postgresSource(database, SalesSamples.USER);
    attach(engagement, source);
    seedOntology(engagement, source);
    seedMapping(engagement, source);

    long started = System.nanoTime();
    JsonNode task = completed(engagement, "pipeline_creation", guidePipelineInput());
    System.out.printf("pipeline_creation on PostgreSQL took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    Artifact spec = latest(engagement, "pipeline_spec");
    JsonNode doc = json(spec);
    Map<String, JsonNode> checks = checks(doc);

    assertThat(checks.get("customer.email.required").get("failing_rows").asLong())
        .isEqualTo(SalesSamples.count(database, "select count(*) from sales.customers where email is null"))
        .isEqualTo(7);
    assertThat(checks.get("customer.customer_code_key.unique").get("failing_rows").asLong())
        .isEqualTo(SalesSamples.count(database, "select coalesce(sum(n - 1), 0) from (select count(*) n from "
            + "sales.customers group by customer_code having count(*) > 1) d")).isEqualTo(2);
    JsonNode orphans = checks.get("sale.customer.reference");
    assertThat(orphans.get("failing_rows").asLong()).isEqualTo(SalesSamples.count(database, "select count(*) from "
        + "sales.sales s where not exists (select 1 from sales.customers c where c.customer_id = s.customer_id)"))
        .isEqualTo(5);
    assertThat(orphans.get("method").asText()).isEqualTo("sql");
    assertThat(orphans.get("sql").asText()).contains("not exists");
    assertThat(texts(orphans.get("examples"))).containsExactly("901", "902", "903");
    assertThat(checks.get("customer.customer_id.unique").get("status").asText()).isEqualTo("passed");
    assertThat(checks.get("sale.quantity.range").get("status").asText()).isEqualTo("passed");
    assertThat(checks.get("region.country.pattern").get("status").asText()).isEqualTo("passed");
    assertThat(checks.get("sale.channel.enum").get("status").asText()).isEqualTo("passed");
    assertThat(checks.get("transformation.calculate_ltv").get("status").asText()).isEqualTo("passed");
    assertThat(checks.get("transformation.normalize_regions").get("status").asText()).isEqualTo("passed");

    Set<String> failed = new HashSet<>();
    checks.forEach((id, c) -> {
      if (c.get("status").asText().equals("failed")) {
        failed.add(id);
      }
    });
    assertThat(failed).containsExactlyInAnyOrder("customer.email.required", "customer.customer_code_key.unique",
        "sale.customer.reference");
    long passed = checks.values().stream().filter(c -> c.get("status").asText().equals("passed")).count();
    assertThat(spec.metadata()).containsEntry("pipeline_count", 1).containsEntry("quality_checks_run", true)
        .containsEntry("quality_checks_failed", 3).containsEntry("quality_checks_passed", (int) passed)
        .containsEntry("schedule", "0 * * * *");
    assertThat(task.get("result").get("summary").get("checks_failed").asInt()).isEqualTo(3);

    JsonNode saleRun = classRun(doc, "Sale");
    assertThat(saleRun.get("rows_read").asInt()).isEqualTo(600);
    assertThat(saleRun.get("rows_rejected").asInt()).isZero();
    JsonNode customerRun = classRun(doc, "Customer");
    assertThat(customerRun.get("rows_rejected").asInt()).isEqualTo(7);
    JsonNode firstSale = saleRun.get("preview").get(0);
    long customer = firstSale.get("customer").asLong();
    BigDecimal ltv = new BigDecimal(firstSale.get("calculate_ltv").asText());
    assertThat(ltv).isEqualByComparingTo((BigDecimal) SalesSamples.rows(database,
        "select sum(amount) from sales.sales where customer_id = " + customer).get(0).get(0));
    assertThat(doc.get("schedule").get("description").asText()).isEqualTo("every hour at minute 0");

    JsonNode files = json(latest(engagement, "dagster_project")).get("files");
    String definitions = files.get(doc.get("name").asText() + "/definitions.py").asText();
    assertThat(PythonSyntax.error(definitions)).isNull();
    assertThat(definitions).contains("cron_schedule=\"0 * * * *\"", "def sale(", "def customer(",
        "count_orphans(sale, \"customer\", customer, \"customer_id\")", "SUM(amount) OVER (PARTITION BY customer_id)");
    assertThat(files.get("pyproject.toml").asText()).contains("[tool.dagster]", "dagster");
    assertThat(files.get("README.md").asText()).contains("OPENFORGE_TARGET_URL");
    assertThat(files.get("sql/target_schema.sql").asText()).contains("create table");
    long assetChecks = definitions.lines().filter(l -> l.equals("@asset_check(")).count();
    assertThat(assetChecks).isEqualTo(checks.values().stream().filter(c -> Set.of("required", "unique",
        "reference", "type", "enum", "range", "pattern").contains(c.get("type").asText())).count());
  }

  @Test
  void csvSampleChecksMatchTheFiles() {
    String engagement = engagement();
    String source = csvSource();
    attach(engagement, source);
    seedOntology(engagement, source);

    JsonNode task = completed(engagement, "pipeline_creation", guidePipelineInput());
    Artifact spec = latest(engagement, "pipeline_spec");
    JsonNode doc = json(spec);
    assertThat(doc.get("inputs").get("binding_origin").asText()).isEqualTo("ontology_annotations");
    Map<String, JsonNode> checks = checks(doc);

    List<String[]> customers = SalesSamples.csv("customers.csv");
    List<String[]> sales = SalesSamples.csv("sales.csv");
    assertThat(checks.get("customer.customer_id.unique").get("failing_rows").asLong())
        .isEqualTo(duplicates(customers, 0)).isEqualTo(2);
    assertThat(checks.get("customer.customer_code_key.unique").get("failing_rows").asLong())
        .isEqualTo(duplicates(customers, 1)).isEqualTo(4);
    assertThat(checks.get("customer.email.required").get("failing_rows").asLong())
        .isEqualTo(customers.stream().skip(1).filter(r -> r[3].isEmpty()).count()).isEqualTo(7);
    Set<String> customerIds = new HashSet<>();
    customers.stream().skip(1).forEach(r -> customerIds.add(r[0]));
    assertThat(checks.get("sale.customer.reference").get("failing_rows").asLong())
        .isEqualTo(sales.stream().skip(1).filter(r -> !customerIds.contains(r[1])).count()).isEqualTo(5);
    JsonNode quantity = checks.get("sale.quantity.type");
    assertThat(quantity.get("failing_rows").asLong())
        .isEqualTo(sales.stream().skip(1).filter(r -> !r[4].matches("[0-9]+")).count()).isEqualTo(4);
    assertThat(texts(quantity.get("examples"))).contains("two", "3 units", "?", "1O");
    assertThat(checks.get("region.country.pattern").get("method").asText()).isEqualTo("sample");
    assertThat(checks.get("region.country.pattern").get("status").asText()).isEqualTo("passed");
    assertThat(checks.get("transformation.calculate_ltv").get("status").asText()).isEqualTo("passed");
    assertThat(spec.metadata()).containsEntry("quality_checks_failed", 5).containsEntry("quality_checks_run", true);
    assertThat(task.get("result").get("failed_checks")).hasSize(5);

    JsonNode saleRun = classRun(doc, "Sale");
    assertThat(saleRun.get("method").asText()).isEqualTo("sample");
    assertThat(saleRun.get("rows_read").asInt()).isEqualTo(200);
    assertThat(saleRun.get("truncated").asBoolean()).isTrue();
    long badQuantities = sales.stream().skip(1).limit(200).filter(r -> !r[4].matches("[0-9]+")).count();
    assertThat(saleRun.get("rows_rejected").asInt()).isEqualTo((int) badQuantities);

    String definitions = json(latest(engagement, "dagster_project")).get("files")
        .get(doc.get("name").asText() + "/definitions.py").asText();
    assertThat(PythonSyntax.error(definitions)).isNull();
    assertThat(definitions).contains("read_csv_file(", "\"sales.csv\"",
        "pd.to_numeric(raw[\"amount\"], errors=\"coerce\").groupby([raw[\"customer_id\"]], dropna=False)");
  }

  @Test
  void readingRowsWaitsForTheDataAccessApprovalWhenTheEngagementAsksForIt() {
    String engagement = engagement(Map.of("approval_settings", Map.of("data_access", true)));
    String source = csvSource();
    attach(engagement, source);
    seedOntology(engagement, source);
    JsonNode waiting = runTask(engagement, "pipeline_creation", guidePipelineInput());
    assertThat(waiting.get("status").asText()).isEqualTo("waiting_approval");
    JsonNode approvals = api().get("/api/v1/approvals?engagement_id=" + engagement + "&status=pending&type="
        + "data_access").json().get("items");
    assertThat(approvals).hasSize(1);
    assertThat(approvals.get(0).get("items_to_review").toString()).contains(source);
    assertThat(artifacts.latestOfKind(engagement, "pipeline_spec")).isEmpty();
    assertThat(withRole("approver").post("/api/v1/approvals/" + approvals.get(0).get("id").asText() + "/approve",
        Map.of("comment", "bounded reads are fine")).status()).isEqualTo(200);
    driver().runJobs(engagement);
    assertThat(api().get("/api/v1/agents/tasks/" + waiting.get("id").asText()).text("status")).isEqualTo("completed");
    assertThat(latest(engagement, "pipeline_spec").metadata()).containsEntry("quality_checks_failed", 5);
  }

  @Test
  void withoutAnOntologyTheTaskIsDeclined() {
    String engagement = engagement();
    attach(engagement, csvSource());
    JsonNode task = runTask(engagement, "pipeline_creation", Map.of());
    assertThat(task.get("status").asText()).isEqualTo("failed");
    assertThat(task.get("error").asText()).contains("no ontology");
  }

  @Test
  void anInvalidScheduleIsDeclinedWithTheReason() {
    String engagement = engagement();
    String source = csvSource();
    attach(engagement, source);
    seedOntology(engagement, source);
    JsonNode task = runTask(engagement, "pipeline_creation", Map.of("schedule", "0 25 * * *"));
    assertThat(task.get("status").asText()).isEqualTo("failed");
    assertThat(task.get("error").asText()).contains("hour 25 is outside 0-23");
  }

  private static long duplicates(List<String[]> rows, int column) {
    Map<String, Integer> counts = new HashMap<>();
    rows.stream().skip(1).forEach(r -> counts.merge(r[column], 1, Integer::sum));
    return counts.values().stream().mapToLong(n -> n - 1).sum();
  }

  private static Map<String, JsonNode> checks(JsonNode doc) {
    Map<String, JsonNode> out = new HashMap<>();
    doc.get("quality_checks").forEach(c -> out.put(c.get("id").asText(), c));
    return out;
  }

  private static JsonNode classRun(JsonNode doc, String cls) {
    return StreamSupport.stream(doc.get("dry_run").get("classes").spliterator(), false)
        .filter(c -> c.get("class_name").asText().equals(cls)).findFirst().orElseThrow();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.openforge.datasource.catalog.Catalogs catalogs;
  @org.springframework.beans.factory.annotation.Autowired
  org.openforge.datasource.DataSources dataSources;
  @org.springframework.beans.factory.annotation.Autowired
  org.openforge.datasource.catalog.SourceQueries queries;
  @org.springframework.beans.factory.annotation.Autowired
  org.openforge.lifecycle.GateEvidenceService evidence;

  @Test
  void aDesignWithModelsIsDeployedAsThePlatformsPipelineAndItsDagsterExportMirrorsIt() throws Exception {
    String engagement = engagement();
    String source = postgresSource(database, SalesSamples.USER);
    attach(engagement, source);
    seedOntology(engagement, source);
    org.openforge.agent.discovery.requirements.RequirementsDocument requirements =
        new org.openforge.agent.discovery.DiscoveryJson(org.openforge.support.TestJson.mapper()).read(
            new org.openforge.agent.discovery.requirements.RequirementsGatheringAgent(
                new org.openforge.agent.discovery.DiscoveryJson(org.openforge.support.TestJson.mapper()))
                .run(org.openforge.agent.discovery.Contexts.engagement("Sales", "Weekly revenue by region", null)
                    .task("requirements_gathering").build()).artifacts().get(0).content(),
            org.openforge.agent.discovery.requirements.RequirementsDocument.class);
    org.openforge.datasource.DataSourceRecord record = dataSources.get(source);
    org.openforge.agent.design.model.ModelGraph graph = org.openforge.agent.design.model.ModelGraph.design(
        List.of(catalogs.describe(record)), requirements.functional(), Map.of(),
        new org.openforge.agent.design.model.ModelChecks.Source() {
          @Override
          public org.openforge.agent.design.model.ModelChecks.Outcome query(String id, String sql, int max) {
            return new org.openforge.agent.design.model.ModelChecks.Outcome(queries.query(record, sql, List.of(), max),
                null);
          }

          @Override
          public org.openforge.agent.design.model.ModelChecks.Outcome sample(String id, String table, int max) {
            return new org.openforge.agent.design.model.ModelChecks.Outcome(queries.sample(record, table, max),
                null);
          }
        });
    assertThat(graph.models()).as(graph.metrics().toString()).isNotEmpty();
    Artifact mapping = seedMapping(engagement, source);
    com.fasterxml.jackson.databind.node.ObjectNode withGraph = (com.fasterxml.jackson.databind.node.ObjectNode)
        json(mapping);
    withGraph.set("model_graph", org.openforge.support.TestJson.mapper().valueToTree(graph));
    seed(engagement, "design", "transformation-mapping.json", "transformation_mapping", "application/json",
        withGraph.toString(), Map.of("unmapped_class_count", 0));

    completed(engagement, "pipeline_creation", guidePipelineInput());
    Artifact spec = latest(engagement, "pipeline_spec");
    assertThat(spec.metadata()).containsEntry("platform_pipeline_version", 1)
        .containsEntry("platform_model_count", graph.models().size());
    String definitions = json(latest(engagement, "dagster_project")).at("/files").properties().stream()
        .filter(e -> e.getKey().endsWith("definitions.py")).findFirst().orElseThrow().getValue().asText();
    assertThat(PythonSyntax.error(definitions)).isNull();
    graph.models().forEach(m -> assertThat(definitions).as("an asset per model").contains(m.name()));
    assertThat(definitions).contains("default_status=DefaultScheduleStatus.RUNNING");

    driver().runJobs(engagement);
    JsonNode runs = api().get("/api/v1/engagements/" + engagement + "/pipeline-runs").json();
    assertThat(runs.at("/items/0/trigger").asText()).isEqualTo("build");
    JsonNode run = api().get("/api/v1/engagements/" + engagement + "/pipeline-runs/" + runs.at("/items/0/id")
        .asText()).json();
    Map<String, Long> loaded = new HashMap<>();
    run.get("steps").forEach(st -> loaded.put(st.get("name").asText(), st.get("rows_written").asLong()));
    for (String table : List.of("regions", "customers", "products", "sales")) {
      assertThat(loaded.get("load " + table)).as("every row of every source table, used by a metric or not: "
          + table).isEqualTo(SalesSamples.count(database, "select count(*) from sales." + table));
    }
    Map<String, Object> facts = evidence.facts(engagement, org.openforge.process.Phase.BUILD, null, null);
    assertThat(facts).containsEntry("platformPipeline", true)
        .as("the samples' planted orphans fail a test: no passing run").containsEntry("pipelineRunPassed", false);
  }
}
