package org.openforge.agent.build.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.agent.build.BuildAgentTest;
import org.openforge.agent.build.SalesSamples;
import org.openforge.engagement.Artifact;

/** integration_setup on the samples: the OpenAPI document, and integration tests whose outcomes match the data. */
class IntegrationSetupAgentTest extends BuildAgentTest {

  private static String database;

  @BeforeAll
  static void load() {
    database = SalesSamples.createDatabase("build_api");
  }

  @AfterAll
  static void drop() {
    SalesSamples.dropDatabase(database);
  }

  @Test
  void postgresDataApiTestsFailExactlyWhereTheDataBreaksTheOntology() {
    String engagement = engagement();
    String source = postgresSource(database, SalesSamples.USER);
    attach(engagement, source);
    seedOntology(engagement, source);
    seedMapping(engagement, source);

    long started = System.nanoTime();
    JsonNode task = completed(engagement, "integration_setup", Map.of());
    System.out.printf("integration_setup on PostgreSQL took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    Artifact api = latest(engagement, "data_api");
    JsonNode doc = json(api);
    assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(doc.get("paths").has("/customers")).isTrue();
    assertThat(doc.get("paths").has("/customers/{customer_id}")).isTrue();
    assertThat(doc.get("paths").has("/sales/{sale_id}/customer")).isTrue();
    assertThat(doc.get("paths").has("/customers/{customer_id}/sales")).isTrue();
    assertThat(doc.get("paths").has("/regions/{region_code}/customers")).isTrue();
    JsonNode query = doc.get("paths").get("/sales/{sale_id}/customer").get("get").get("x-openforge-query");
    assertThat(query.get("language").asText()).isEqualTo("sql");
    assertThat(query.get("statement").asText())
        .contains("from \"sales\".\"customers\" \"customers\" join \"sales\".\"sales\" \"openforge_ref\" on");
    JsonNode customer = doc.get("components").get("schemas").get("Customer");
    assertThat(texts(customer.get("required"))).contains("customer_id", "email", "region");
    assertThat(customer.get("properties").get("signup_date").get("format").asText()).isEqualTo("date");
    assertThat(texts(customer.get("properties").get("segment").get("enum"))).containsExactly("Consumer", "SMB",
        "Enterprise");

    Map<String, JsonNode> tests = tests(doc);
    Map<String, Boolean> expectedFailing = new LinkedHashMap<>();
    expectedFailing.put("listCustomers.first_page", nullEmails("select * from sales.customers order by customer_id "
        + "limit 50"));
    expectedFailing.put("listCustomers.second_page", nullEmails("select * from sales.customers order by customer_id "
        + "limit 50 offset 50"));
    expectedFailing.put("listCustomers.filter_segment", nullEmails("select * from sales.customers where segment = "
        + "(select segment from sales.customers order by customer_id limit 1) order by customer_id limit 50"));
    expectedFailing.put("listRegionCustomers.lists_referring", nullEmails("select * from sales.customers where "
        + "region_code = (select region_code from sales.customers order by customer_id limit 1) order by "
        + "customer_id limit 50"));
    expectedFailing.put("getCustomer.by_identifier", nullEmails("select * from sales.customers order by customer_id "
        + "limit 1"));
    expectedFailing.forEach((name, fails) -> assertThat(tests.get(name).get("status").asText()).as(name)
        .isEqualTo(fails ? "failed" : "passed"));
    assertThat(expectedFailing.get("listCustomers.first_page")).isTrue();
    assertThat(tests.get("listCustomers.first_page").get("failures").toString()).contains("email: required but null");

    long firstSaleCustomer = SalesSamples.count(database,
        "select customer_id from sales.sales order by sale_id limit 1");
    JsonNode follows = tests.get("getSaleCustomer.follows_customer");
    assertThat(follows.get("status").asText()).isEqualTo("passed");
    assertThat(follows.get("request").asText()).isEqualTo("GET /sales/1/customer");
    JsonNode referring = tests.get("listCustomerSales.lists_referring");
    assertThat(referring.get("rows").asLong()).isEqualTo(SalesSamples.count(database,
        "select count(*) from sales.sales where customer_id = " + firstSaleCustomer));
    assertThat(tests.get("getSale.unknown_identifier").get("status").asText()).isEqualTo("passed");
    assertThat(tests.get("listSales.first_page").get("executed").get(0).get("sql").asText())
        .contains("limit ? offset ?");

    long failing = tests.values().stream().filter(t -> t.get("status").asText().equals("failed")).count();
    long expectedFailures = tests.keySet().stream().filter(n -> n.contains("ustomer") || n.startsWith("listRegion"))
        .filter(n -> tests.get(n).get("status").asText().equals("failed")).count();
    assertThat(failing).isEqualTo(expectedFailures).isEqualTo(expectedFailing.values().stream().filter(b -> b).count());
    assertThat(api.metadata()).containsEntry("export_checks_failed", (int) failing)
        .containsEntry("export_checks_passed", tests.size() - (int) failing);
    assertThat(task.get("result").get("export_checks").get("failed").asInt()).isEqualTo((int) failing);
    // no pipeline run has published the product: the HTTP integration tests did not run, and say why
    JsonNode http = doc.get("x-openforge-integration-tests");
    assertThat(http.get("run").asBoolean()).isFalse();
    assertThat(http.get("reason").asText()).contains("no version of the product is published");
    assertThat(api.metadata()).containsEntry("integration_tests_run", false)
        .containsEntry("integration_tests_method", "http");
  }

  @Test
  void postgresDataApiTestsAllPassWhenTheOntologyMatchesTheData() {
    String engagement = engagement();
    String source = postgresSource(database, SalesSamples.USER);
    attach(engagement, source);
    seed(engagement, "design", "sales-ontology.yaml", "ontology", "application/yaml",
        fixture("sales-ontology.yaml").replace("${SOURCE_ID}", source)
            .replace("      email:\n        required: true", "      email:\n        required: false"), Map.of());

    completed(engagement, "integration_setup", Map.of());
    Artifact api = latest(engagement, "data_api");
    Map<String, JsonNode> tests = tests(json(api));
    assertThat(tests.values().stream().filter(t -> !t.get("status").asText().equals("passed")).map(JsonNode::toString)
        .toList()).isEmpty();
    assertThat(api.metadata()).containsEntry("export_checks_failed", 0)
        .containsEntry("export_checks_passed", tests.size());
    assertThat(tests.size()).isGreaterThanOrEqualTo(25);
  }

  @Test
  void csvDataApiScansTheFilesAndCatchesTheBadQuantity() {
    String engagement = engagement();
    String source = csvSource();
    attach(engagement, source);
    seedOntology(engagement, source);

    completed(engagement, "integration_setup", Map.of());
    Artifact api = latest(engagement, "data_api");
    JsonNode doc = json(api);
    Map<String, JsonNode> tests = tests(doc);
    assertThat(doc.get("paths").get("/sales").get("get").get("x-openforge-query").get("language").asText())
        .isEqualTo("csv_scan");
    List<String[]> sales = SalesSamples.csv("sales.csv");
    boolean badOnSecondPage = sales.stream().skip(51).limit(50).anyMatch(r -> !r[4].matches("[0-9]+"));
    assertThat(badOnSecondPage).isTrue();
    JsonNode second = tests.get("listSales.second_page");
    assertThat(second.get("status").asText()).isEqualTo("failed");
    assertThat(second.get("failures").toString()).contains("quantity: 'two' is not integer");
    assertThat(tests.get("getSale.by_identifier").get("status").asText()).isEqualTo("passed");
  }

  private boolean nullEmails(String pageSql) {
    return SalesSamples.count(database, "select count(*) from (" + pageSql + ") p where email is null") > 0;
  }

  private static Map<String, JsonNode> tests(JsonNode doc) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    doc.get("x-openforge-export-checks").get("tests").forEach(t -> out.put(t.get("name").asText(), t));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
