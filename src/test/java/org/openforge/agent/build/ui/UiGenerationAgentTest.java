package org.openforge.agent.build.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openforge.agent.build.BuildAgentTest;
import org.openforge.agent.build.SalesSamples;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.EngagementRepository;
import org.openforge.engagement.ProductSlug;
import org.openforge.support.Api;
import org.springframework.beans.factory.annotation.Autowired;

/** ui_generation on the samples: the guide's components, their TSX, and a preview with the real numbers. */
class UiGenerationAgentTest extends BuildAgentTest {

  private static String database;

  @TempDir
  Path dir;
  @Autowired
  EngagementRepository engagementRows;

  @BeforeAll
  static void load() {
    database = SalesSamples.createDatabase("build_ui");
  }

  @AfterAll
  static void drop() {
    SalesSamples.dropDatabase(database);
  }

  static Map<String, Object> guideInput() {
    return Map.of("ui_type", "dashboard", "components", List.of(
        Map.of("type", "kpi_card", "metric", "total_sales", "title", "Total Sales"),
        Map.of("type", "chart", "chart_type", "line", "x_axis", "sale_date", "y_axis", "amount", "group_by",
            "region"),
        Map.of("type", "data_table", "entity", "Sale", "columns", List.of("sale_id", "customer", "amount",
            "sale_date"))));
  }

  @Test
  void guideComponentsOnPostgresShowTheRealNumbers() throws Exception {
    String engagement = engagement();
    String source = postgresSource(database, SalesSamples.USER);
    attach(engagement, source);
    Artifact ontology = seedOntology(engagement, source);
    seedMapping(engagement, source);
    seed(engagement, "design", "draft-ontology.yaml", "ontology", "application/yaml", "classes: [not, a, schema",
        Map.of());

    Map<String, Object> input = new LinkedHashMap<>(guideInput());
    input.put("ontology_id", ontology.id());
    JsonNode task = completed(engagement, "ui_generation", input);
    Artifact ui = latest(engagement, "ui_components");
    assertThat(ui.metadata()).containsEntry("component_count", 3);
    JsonNode project = json(ui);
    Map<String, String> files = new LinkedHashMap<>();
    project.get("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
    assertThat(files).containsKeys("src/components/KpiCard.tsx", "src/components/Chart.tsx",
        "src/components/DataTable.tsx", "src/Dashboard.tsx", "src/types.ts", "package.json");
    assertThat(TsxStructure.problems(files)).isEmpty();
    assertThat(files.get("public/config.json")).as("the data API as the platform serves this product")
        .contains("\"/data/v1/" + engagementRows.findById(engagement).map(ProductSlug::of).orElseThrow() + "\"");
    assertThat(Tsc.check(files, dir)).as("tsc --noEmit on the samples' dashboard").isEmpty();
    assertThat(files.get("src/types.ts")).contains("export interface Sale {", "channel: \"online\" | \"retail\" | "
        + "\"partner\" | null;");
    assertThat(files.get("src/dashboard.config.ts")).contains("hops: [{ via: \"customer\", collection: "
        + "\"customers\", key: \"customer_id\" }]", "groupBy: \"region\"");

    JsonNode components = project.get("components");
    JsonNode kpi = components.get(0).get("preview");
    BigDecimal total = (BigDecimal) SalesSamples.rows(database, "select sum(amount) from sales.sales").get(0).get(0);
    assertThat(new BigDecimal(kpi.get("value").asText())).isEqualByComparingTo(total);
    JsonNode chart = components.get(1).get("preview");
    assertThat(chart.get("grain").asText()).isEqualTo("month");
    assertThat(components.get(1).get("group_path").toString()).isEqualTo("[\"customer\",\"region\"]");
    int month = indexOf(chart.get("xs"), "2024-03");
    JsonNode west = series(chart, "US-W");
    BigDecimal expected = (BigDecimal) SalesSamples.rows(database, "select sum(s.amount) from sales.sales s join "
        + "sales.customers c on c.customer_id = s.customer_id where c.region_code = 'US-W' and "
        + "to_char(s.sale_date, 'YYYY-MM') = '2024-03'").get(0).get(0);
    assertThat(new BigDecimal(west.get("values").get(month).asText())).isEqualByComparingTo(expected);
    BigDecimal orphans = (BigDecimal) SalesSamples.rows(database, "select sum(amount) from sales.sales s where not "
        + "exists (select 1 from sales.customers c where c.customer_id = s.customer_id)").get(0).get(0);
    BigDecimal none = BigDecimal.ZERO;
    for (JsonNode v : series(chart, "(none)").get("values")) {
      none = v.isNull() ? none : none.add(new BigDecimal(v.asText()));
    }
    assertThat(none).isEqualByComparingTo(orphans);
    JsonNode table = components.get(2).get("preview");
    assertThat(table.get("total_rows").asLong()).isEqualTo(600);
    assertThat(table.get("rows").get(0).get(0).asLong()).isEqualTo(1);
    assertThat(table.get("rows").get(0).get(1).asLong()).isEqualTo(SalesSamples.count(database,
        "select customer_id from sales.sales where sale_id = 1"));

    Artifact preview = latest(engagement, "ui_preview");
    assertThat(preview.mediaType()).isEqualTo("text/html");
    String html = preview.content();
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "Total Sales", "<table>")
        .doesNotContain("<script", "http://", "https://", "src=");
    assertThat(html).contains(Html.number(total));
    Api.Response download = api().get("/api/v1/engagements/" + engagement + "/artifacts/" + preview.id());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.contentType()).startsWith("text/html");
    assertThat(task.get("result").get("components")).hasSize(3);
  }

  @Test
  void csvPreviewSaysItRestsOnTheFirstRows() {
    String engagement = engagement();
    String source = csvSource();
    attach(engagement, source);
    seedOntology(engagement, source);

    completed(engagement, "ui_generation", guideInput());
    JsonNode components = json(latest(engagement, "ui_components")).get("components");
    JsonNode kpi = components.get(0).get("preview");
    BigDecimal firstRows = SalesSamples.csv("sales.csv").stream().skip(1).limit(200)
        .map(r -> new BigDecimal(r[6])).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(new BigDecimal(kpi.get("value").asText())).isEqualByComparingTo(firstRows);
    assertThat(kpi.get("scope").asText()).isEqualTo("the first 200 of 600 rows of sales");
    assertThat(latest(engagement, "ui_preview").content()).contains("the first 200 of 600 rows of sales");
  }

  @Test
  void withoutComponentsTheDashboardComesFromTheOntology() {
    String engagement = engagement();
    String source = postgresSource(database, SalesSamples.USER);
    attach(engagement, source);
    seedOntology(engagement, source);

    completed(engagement, "ui_generation", Map.of());
    JsonNode components = json(latest(engagement, "ui_components")).get("components");
    assertThat(components).hasSize(3);
    assertThat(components.get(0).get("class_name").asText()).isEqualTo("Sale");
    assertThat(components.get(0).get("measure").asText()).isEqualTo("amount");
    assertThat(components.get(1).get("x_axis").asText()).isEqualTo("sale_date");
    assertThat(components.get(1).get("group_path").get(0).asText()).isEqualTo("channel");
    assertThat(components.get(2).get("type").asText()).isEqualTo("data_table");
  }

  private static int indexOf(JsonNode array, String value) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).asText().equals(value)) {
        return i;
      }
    }
    throw new AssertionError(value + " not in " + array);
  }

  private static JsonNode series(JsonNode chart, String name) {
    for (JsonNode s : chart.get("series")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no series " + name + " in " + chart.get("series"));
  }
}
