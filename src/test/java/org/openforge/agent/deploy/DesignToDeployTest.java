package org.openforge.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.agent.build.BuildAgentTest;
import org.openforge.agent.build.PythonSyntax;
import org.openforge.agent.build.SalesSamples;

/**
 * The whole chain on the samples with the real design agents: ontology_design and transformation_design write the
 * ontology and mapping, then the build and deploy agents work from them — the contract between the phases.
 */
class DesignToDeployTest extends BuildAgentTest {

  private static String database;

  @BeforeAll
  static void load() {
    database = SalesSamples.createDatabase("chain");
  }

  @AfterAll
  static void drop() {
    SalesSamples.dropDatabase(database);
  }

  private void runChain(String engagement) throws IOException {
    seed(engagement, "discovery", "requirements.json", "requirements_document", "application/json",
        Files.readString(Path.of("src/test/resources/agent/design/sales-requirements.json")), Map.of());
    completed(engagement, "ontology_design", Map.of("domain", "sales_analytics"));
    completed(engagement, "transformation_design", Map.of());
    completed(engagement, "pipeline_creation", guidePipelineInput());
    completed(engagement, "integration_setup", Map.of());
    completed(engagement, "ui_generation", Map.of("components", List.of(
        Map.of("type", "kpi_card", "metric", "total_sales", "title", "Total Sales"),
        Map.of("type", "chart", "chart_type", "line", "x_axis", "sale_date", "y_axis", "amount", "group_by",
            "region"),
        Map.of("type", "data_table", "entity", "Customer", "columns", List.of("customer_id", "name",
            "lifetime_value")))));
    Map<String, Object> deploy = new LinkedHashMap<>();
    deploy.put("environment", "production");
    deploy.put("resources", Map.of("cpu", "2", "memory", "4Gi", "replicas", 3));
    deploy.put("scaling", Map.of("min_replicas", 2, "max_replicas", 10, "target_cpu_utilization", 70));
    deploy.put("load_test", Map.of("duration_seconds", 1, "concurrency", 2, "max_requests", 100));
    completed(engagement, "deployment_config", deploy);
  }

  @Test
  void postgresFromTheDesignedOntologyToTheDeployment() throws IOException {
    String engagement = engagement();
    attach(engagement, postgresSource(database, SalesSamples.USER));
    runChain(engagement);

    JsonNode spec = json(latest(engagement, "pipeline_spec"));
    List<String> failed = StreamSupport.stream(spec.get("quality_checks").spliterator(), false)
        .filter(c -> c.get("status").asText().equals("failed")).map(c -> c.get("id").asText()).toList();
    assertThat(failed).containsExactly("sale.customer.reference");
    JsonNode ltv = StreamSupport.stream(spec.get("quality_checks").spliterator(), false)
        .filter(c -> c.get("id").asText().equals("transformation.Customer.lifetime_value")).findFirst().orElseThrow();
    assertThat(ltv.get("status").asText()).isEqualTo("passed");
    JsonNode customers = StreamSupport.stream(spec.get("dry_run").get("classes").spliterator(), false)
        .filter(c -> c.get("class_name").asText().equals("Customer")).findFirst().orElseThrow();
    JsonNode first = customers.get("preview").get(0);
    assertThat(new BigDecimal(first.get("lifetime_value").asText())).isEqualByComparingTo((BigDecimal)
        SalesSamples.rows(database, "select sum(amount) from sales.sales where customer_id = "
            + first.get("customer_id").asLong()).get(0).get(0));
    String definitions = json(latest(engagement, "dagster_project")).get("files")
        .get(spec.get("name").asText() + "/definitions.py").asText();
    assertThat(PythonSyntax.error(definitions)).isNull();

    JsonNode api = json(latest(engagement, "data_api"));
    assertThat(api.get("components").get("schemas").get("Customer").get("properties").has("lifetime_value")).isTrue();
    assertThat(latest(engagement, "data_api").metadata()).containsEntry("integration_tests_failed", 0)
        .containsEntry("integration_tests_run", true).containsEntry("integration_tests_method", "http");
    // the integration tests are HTTP calls of the served data API, checked against SQL on the target
    JsonNode http = api.get("x-openforge-integration-tests");
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    http.get("tests").forEach(t -> byName.put(t.get("name").asText(), t));
    List<String> calls = new java.util.ArrayList<>();
    http.get("tests").forEach(t -> t.get("calls").forEach(c -> calls.add(c.get("call").asText())));
    assertThat(calls).isNotEmpty().allMatch(c -> c.matches("GET http://127\\.0\\.0\\.1:\\d+/data/v1/.+"));
    assertThat(byName.get("unauthenticated_refused").get("calls").get(0).get("status").asInt()).isEqualTo(401);
    JsonNode filter = byName.values().stream().filter(t -> t.get("name").asText().endsWith(".filter")).findFirst()
        .orElseThrow();
    assertThat(filter.get("sql").get(0).get("sql").asText()).startsWith("select count(*) from").contains("where");
    assertThat(byName.keySet()).anyMatch(n -> n.endsWith(".sum")).anyMatch(n -> n.endsWith(".paging"))
        .anyMatch(n -> n.endsWith(".sort"));
    JsonNode table = json(latest(engagement, "ui_components")).get("components").get(2).get("preview");
    assertThat(table.get("rows").get(0).get(2).isNull()).isFalse();
    assertThat(latest(engagement, "deployment_config").metadata()).containsEntry("valid", true);
    assertThat(latest(engagement, "load_test_report").metadata()).containsEntry("errors", 0);
  }

  @Test
  void csvFromTheDesignedOntologyToTheDeployment() throws IOException {
    String engagement = engagement();
    attach(engagement, csvSource());
    runChain(engagement);

    JsonNode spec = json(latest(engagement, "pipeline_spec"));
    Map<String, JsonNode> checks = new LinkedHashMap<>();
    spec.get("quality_checks").forEach(c -> checks.put(c.get("id").asText(), c));
    assertThat(checks.values().stream().filter(c -> c.get("status").asText().equals("failed"))
        .map(c -> c.get("id").asText() + "=" + c.get("failing_rows").asLong()))
        .containsExactlyInAnyOrder("customer.customer_id.unique=2", "sale.customer.reference=5",
            "sale.quantity.type=4");
    assertThat(checks.get("transformation.Customer.lifetime_value").get("message").asText())
        .contains("from the first 200 rows of sales");
    assertThat(latest(engagement, "data_api").metadata()).containsEntry("integration_tests_run", true);
    assertThat(latest(engagement, "ui_preview").content()).contains("<svg");
    assertThat(latest(engagement, "security_review").metadata()).containsEntry("high_findings", 0);
  }
}
