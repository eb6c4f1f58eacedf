package org.openforge.agent.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentResult;
import org.openforge.agent.design.model.DataModel;
import org.openforge.agent.design.model.ModelGraph;
import org.openforge.agent.discovery.DiscoveryJson;
import org.openforge.agent.discovery.requirements.RequirementsGatheringAgent;
import org.openforge.ontology.infer.Provenance;
import org.openforge.ontology.linkml.ClassDefinition;
import org.openforge.ontology.linkml.SchemaDefinition;
import org.openforge.ontology.linkml.SlotDefinition;
import org.openforge.support.TestJson;

/**
 * From analytical asks to tested SQL models on a real PostgreSQL retail schema: the requirements agent reads the
 * asks, the ontology and transformation design bind them to columns reached through foreign keys, and every
 * aggregate model, compiled over the source, returns exactly the rows of a query written by hand; tests pass on
 * clean data and count the planted defects exactly; an ask naming nothing in the data stays an open question.
 */
class ModelGraphTest {

  private static final String SCRIPT = "src/test/resources/agent/design/retail-postgres.sql";
  private static final String LINE_REVENUE = "l.unit_price * l.quantity";
  private static String database;
  private static DesignHarness harness;
  private static ModelGraph graph;

  @BeforeAll
  static void design() throws Exception {
    database = Scratch.create("retail");
    Scratch.run(database, Files.readString(Path.of(SCRIPT)));
    harness = new DesignHarness("Retail revenue", "Monthly revenue by product category, showing months without"
        + " sales as zero, revenue by billing country and revenue per sales rep",
        "We also need the number of invoices per customer, customer lifetime value and the top 5 products by"
            + " revenue in 2024. Revenue by warehouse. Monthly churn rate.");
    harness.attach(Scratch.source("pg-retail", database, "retail"));
    AgentResult requirements = new RequirementsGatheringAgent(new DiscoveryJson(TestJson.mapper()))
        .run(harness.context("requirements_gathering", Map.of()));
    requirements.artifacts().forEach(d -> harness.add(d.name(), d.kind(), d.mediaType(), d.content()));
    harness.run(new OntologyDesignAgent(harness), Map.of());
    graph = mapping(harness.run(new TransformationDesignAgent(harness), Map.of()));
  }

  @AfterAll
  static void drop() {
    Scratch.drop(database);
  }

  private static ModelGraph graph(JsonNode mapping) throws Exception {
    return TestJson.mapper().treeToValue(mapping.get("model_graph"), ModelGraph.class);
  }

  private static ModelGraph mapping(AgentResult result) throws Exception {
    return graph(Reports.json(result, TransformationDesignAgent.KIND));
  }

  private static ModelGraph.MetricStatus metric(String titleStart) {
    return graph.metrics().stream().filter(m -> m.title().startsWith(titleStart)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + titleStart + " in " + graph.metrics()));
  }

  @Test
  void everyAskIsBoundOrSaysWhichWordFoundNothing() {
    assertThat(graph.metrics()).extracting(ModelGraph.MetricStatus::status).containsOnly("bound", "unbound");
    assertThat(graph.metrics().stream().filter(m -> m.status().equals("bound")).map(ModelGraph.MetricStatus::title))
        .contains("Revenue by product category per month", "Revenue by billing country", "Revenue by sales rep",
            "Number of invoices by customer", "Customer lifetime value by customer",
            "Top 5 product by revenue, in 2024");
    assertThat(metric("Revenue by warehouse").status()).isEqualTo("unbound");
    assertThat(metric("Revenue by warehouse").reason()).contains("dimension 'warehouse' found no column");
    assertThat(metric("Churn").reason()).contains("measure 'churn rate' found no");
    assertThat(metric("Revenue by billing country").dimensions()).singleElement().asString()
        .contains("retail.invoices.billing_country");
    assertThat(metric("Revenue by sales rep").dimensions()).singleElement().asString()
        .contains("entity retail.sales_reps", "customers.sales_rep_id");
    assertThat(graph.defects()).isEmpty();
    assertThat(graph.models()).extracting(DataModel::layer).containsOnly("staging", "marts");
    assertThat(graph.tables()).extracting(ModelGraph.Table::name).containsExactlyInAnyOrder("invoice_lines",
        "invoices", "products", "product_categories", "customers", "sales_reps");
  }

  @Test
  void aggregatesEqualHandWrittenSql() throws Exception {
    String lines = "retail.invoice_lines l join retail.invoices i on i.invoice_id = l.invoice_id";
    assertSameRows(metric("Revenue by product category per month").model(), """
        with m as (select c.category_id, c.name, date_trunc('month', i.invoice_date)::date as month,
            sum(%s) as revenue
          from %s left join retail.products p on p.product_id = l.product_id
          left join retail.product_categories c on c.category_id = p.category_id group by 1, 2, 3)
        select k.category_id, k.name, g.month::date, coalesce(m.revenue, 0)
        from (select distinct category_id, name from m) k
        cross join generate_series((select min(month) from m), (select max(month) from m), interval '1 month') g(month)
        left join m on m.category_id is not distinct from k.category_id and m.month = g.month""".formatted(
        LINE_REVENUE, lines));
    assertSameRows(metric("Revenue by billing country").model(),
        "select i.billing_country, sum(" + LINE_REVENUE + ") from " + lines + " group by 1");
    assertSameRows(metric("Revenue by sales rep").model(), "select r.rep_id, concat(r.first_name, ' ', r.last_name),"
        + " sum(" + LINE_REVENUE + ") from " + lines + " left join retail.customers c on c.customer_id ="
        + " i.customer_id left join retail.sales_reps r on r.rep_id = c.sales_rep_id group by 1, 2");
    assertSameRows(metric("Number of invoices by customer").model(), "select c.customer_id, c.company, count(*)"
        + " from retail.invoices i left join retail.customers c on c.customer_id = i.customer_id group by 1, 2");
    assertSameRows(metric("Customer lifetime value").model(), "select c.customer_id, c.company, sum(" + LINE_REVENUE
        + ") from " + lines + " left join retail.customers c on c.customer_id = i.customer_id group by 1, 2");
    assertSameRows(metric("Top 5 product").model(), "select p.product_id, p.title, sum(" + LINE_REVENUE + ") from "
        + lines + " left join retail.products p on p.product_id = l.product_id"
        + " where extract(year from i.invoice_date) = 2024 group by 1, 2 order by 3 desc limit 5");
  }

  @Test
  void theZeroMonthIsARow() throws Exception {
    List<List<String>> rows = rows(compiled(metric("Revenue by product category per month").model()));
    assertThat(rows).contains(List.of("4", "Garden", "2024-03-01", "0"));
  }

  @Test
  void everyModelRanOnTheSourceAndTheSampleAndItsTestsPassOnCleanData() {
    for (DataModel m : graph.models()) {
      assertThat(graph.checks()).as(m.name()).anyMatch(c -> m.name().equals(c.model())
          && c.check().equals("limit_0") && c.on().equals("source") && c.status().equals("passed"));
      assertThat(graph.checks()).as(m.name()).anyMatch(c -> m.name().equals(c.model())
          && c.on().equals("sample") && c.status().equals("passed"));
    }
    assertThat(graph.checks().stream().filter(c -> c.check().equals("test"))).isNotEmpty()
        .allSatisfy(c -> assertThat(c.status()).as(c.model() + " " + c.test()).isEqualTo("passed"));
    Set<String> kinds = new TreeSet<>();
    graph.models().forEach(m -> m.tests().forEach(t -> kinds.add(t.kind())));
    assertThat(kinds).contains("not_null", "unique", "relationships", "reconciliation");
  }

  @Test
  void theGeneratedJsonSchemaAcceptsEveryRealRow() throws Exception {
    JsonNode report = Reports.json(harness.run(new SchemaValidationAgent(harness), Map.of()),
        SchemaValidationAgent.KIND);
    List<String> jsonChecks = new ArrayList<>();
    report.get("checks").forEach(c -> {
      if (c.get("check").asText().equals("json_schema")) {
        jsonChecks.add(c.get("class").asText() + " " + c.get("status").asText() + " " + c.get("rows_checked").asLong());
      }
    });
    assertThat(jsonChecks).hasSize(6).allSatisfy(c -> assertThat(c).contains(" passed "));
    assertThat(Reports.findings(harness.run(new SchemaValidationAgent(harness), Map.of())))
        .as("nullable columns holding nulls are findings, not failures").isNotEmpty();
  }

  @Test
  void requiredExactlyWhereTheSourceSaysNotNull() throws Exception {
    SchemaDefinition schema = org.openforge.ontology.linkml.SchemaReader.parse(
        harness.latest(OntologyDesignAgent.KIND).orElseThrow().content());
    int compared = 0;
    try (Connection c = Scratch.connect(database); Statement s = c.createStatement()) {
      for (ClassDefinition cls : schema.classes().values()) {
        String table = Provenance.of(cls, Provenance.SOURCE_TABLE).orElseThrow().replace("retail.", "");
        for (SlotDefinition slot : cls.attributes().values()) {
          String column = Provenance.of(slot, Provenance.SOURCE_COLUMN).orElse(null);
          boolean derived = Provenance.of(slot, Provenance.EXPRESSION).isPresent()
              || Provenance.of(slot, Provenance.DERIVATION).isPresent();
          if (column == null || column.contains(",") || slot.isIdentifier() || derived) {
            continue;
          }
          try (ResultSet rs = s.executeQuery("select is_nullable from information_schema.columns where table_schema"
              + " = 'retail' and table_name = '" + table + "' and column_name = '" + column + "'")) {
            assertThat(rs.next()).as(table + "." + column).isTrue();
            assertThat(slot.isRequired()).as(table + "." + column).isEqualTo(rs.getString(1).equals("NO"));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(15);
  }

  @Test
  void plantedOrphansAreCountedAndAWrongJoinFailsReconciliationByTheirExactAmount() throws Exception {
    String planted = Scratch.create("retail_defects");
    try {
      Scratch.run(planted, Files.readString(Path.of(SCRIPT)),
          "alter table retail.invoice_lines drop constraint invoice_lines_product_fk",
          "insert into retail.invoice_lines values (1, 9, 901, 10.00, 2), (2, 9, 902, 7.50, 1), (3, 9, 903, 1.25, 4)",
          "alter table retail.invoice_lines add constraint invoice_lines_product_fk foreign key (product_id)"
              + " references retail.products (product_id) not valid");
      DesignHarness h = new DesignHarness("Retail revenue", "Revenue by product category", null);
      h.attach(Scratch.source("pg-retail", planted, "retail"));
      new RequirementsGatheringAgent(new DiscoveryJson(TestJson.mapper()))
          .run(h.context("requirements_gathering", Map.of())).artifacts()
          .forEach(d -> h.add(d.name(), d.kind(), d.mediaType(), d.content()));
      h.run(new OntologyDesignAgent(h), Map.of());
      ModelGraph broken = mapping(h.run(new TransformationDesignAgent(h), Map.of()));
      assertThat(broken.checks()).filteredOn(c -> "test".equals(c.check()) && "failed".equals(c.status()))
          .extracting(c -> c.model() + " " + c.test() + " " + c.rows())
          .containsExactly("fct_invoice_lines relationships(product_id -> dim_products.product_id) 3");

      String name = broken.metrics().get(0).model();
      DataModel aggregate = broken.model(name).orElseThrow();
      DataModel innerJoin = new DataModel(name, aggregate.layer(), aggregate.kind(), aggregate.description(),
          aggregate.sql().replace("left join", "join"), aggregate.columns(), aggregate.upstream(), aggregate.tests(),
          aggregate.requirements());
      ModelGraph wrong = broken.with(innerJoin);
      DataModel.Test reconciliation = innerJoin.tests().stream().filter(t -> t.kind().equals("reconciliation"))
          .findFirst().orElseThrow();
      List<List<String>> failing = rows(planted, wrong.compile(reconciliation, ModelGraphTest::qualified));
      assertThat(failing).hasSize(1);
      BigDecimal difference = new BigDecimal(failing.get(0).get(0)).subtract(new BigDecimal(failing.get(0).get(1)));
      assertThat(difference).isEqualByComparingTo("32.50");
      assertThat(rows(planted, broken.compile(reconciliation, ModelGraphTest::qualified))).isEmpty();
    } finally {
      Scratch.drop(planted);
    }
  }

  private static String qualified(String table) {
    return "retail." + table;
  }

  private static String compiled(String model) {
    return graph.compile(model, ModelGraphTest::qualified);
  }

  private static void assertSameRows(String model, String handWritten) throws Exception {
    List<List<String>> expected = rows(handWritten);
    List<List<String>> actual = rows(compiled(model));
    assertThat(actual).as(model).isNotEmpty();
    List<List<String>> comparable = new ArrayList<>();
    int width = expected.get(0).size();
    for (List<String> row : actual) {
      List<String> keep = new ArrayList<>(row.subList(0, width - 1));
      keep.add(row.get(row.size() - (model.contains("average") ? 3 : 1)));
      comparable.add(keep);
    }
    assertThat(comparable).as(model).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<List<String>> rows(String sql) throws Exception {
    return rows(database, sql);
  }

  private static List<List<String>> rows(String db, String sql) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (Connection c = Scratch.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(v == null ? null : v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
              : v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
              : v.toString());
        }
        out.add(row);
      }
    }
    return out;
  }
}
