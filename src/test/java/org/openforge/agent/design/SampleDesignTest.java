package org.openforge.agent.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentResult;
import org.openforge.engagement.Artifact;
import org.openforge.ontology.infer.Provenance;
import org.openforge.ontology.linkml.SchemaDefinition;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * The design agents on the samples (samples/README.md): the CSV files and the PostgreSQL script, whose planted
 * defects validation must report with their exact counts — and nothing else.
 */
class SampleDesignTest {

  private static final String GUIDE_INPUT_NOTE = "the guide's placeholders ds_001 and ds_002 are not attached";
  private static String database;

  @BeforeAll
  static void load() throws Exception {
    database = Scratch.create("samples");
    Scratch.run(database, Files.readString(Path.of("samples/sales-postgres.sql")));
  }

  @AfterAll
  static void drop() {
    Scratch.drop(database);
  }

  private static DesignHarness csv() {
    return new DesignHarness("Sales Analytics Platform", "Build a comprehensive sales analytics dashboard", null)
        .attach(DesignHarness.csv("csv-sales", Path.of("samples/sales")));
  }

  private static DesignHarness postgres() {
    return new DesignHarness("Sales Analytics Platform", "Build a comprehensive sales analytics dashboard", null)
        .attach(Scratch.source("pg-sales", database, "sales"));
  }

  private static Map<String, Object> guideInput(Artifact requirements) {
    return Map.of("domain", "sales_analytics", "requirements_doc_id", requirements.id(),
        "data_sources", List.of(Map.of("id", "ds_001", "type", "postgresql"), Map.of("id", "ds_002", "type", "csv")));
  }

  private static Artifact requirements(DesignHarness h) throws Exception {
    return h.add("requirements.json", "requirements_document", "application/json",
        Files.readString(Path.of("src/test/resources/agent/design/sales-requirements.json")));
  }

  @Test
  void csvSampleOntology() throws Exception {
    DesignHarness h = csv();
    long started = System.nanoTime();
    AgentResult result = h.run(new OntologyDesignAgent(h), guideInput(requirements(h)));
    System.out.printf("ontology_design on the CSV sample: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    SchemaDefinition schema = Reports.ontology(result);
    SchemaView view = SchemaView.of(schema);
    assertThat(schema.name()).isEqualTo("sales_analytics");
    assertThat(schema.classes().keySet()).containsExactly("Customer", "Product", "Region", "Sale");
    assertThat(view.identifierSlot("Customer").map(SlotDefinition::name)).contains("customer_id");
    assertThat(view.identifierSlot("Region").map(SlotDefinition::name)).contains("region_code");
    assertThat(view.identifierSlot("Sale").map(SlotDefinition::name)).contains("sale_id");
    Map<String, SlotDefinition> sale = schema.classes().get("Sale").attributes();
    assertThat(sale.get("customer").range()).isEqualTo("Customer");
    assertThat(sale.get("product").range()).isEqualTo("Product");
    assertThat(sale.get("quantity").range()).isEqualTo("integer");
    assertThat(sale.get("quantity").minimumValue()).isZero();
    assertThat(sale.get("sale_date").range()).isEqualTo("date");
    assertThat(sale.get("channel").range()).isEqualTo("SaleChannel");
    assertThat(schema.classes().get("Customer").attributes().get("region").range()).isEqualTo("Region");
    assertThat(schema.classes().get("Product").attributes().get("active").range()).isEqualTo("boolean");
    assertThat(schema.enums().get("CustomerSegment").permissibleValues()).containsOnlyKeys("Consumer", "Enterprise",
        "SMB");
    SlotDefinition email = schema.classes().get("Customer").attributes().get("email");
    assertThat(email.isRequired()).as("7 customers have no e-mail").isFalse();
    assertThat(email.pattern()).isNotNull();
    SlotDefinition ltv = schema.classes().get("Customer").attributes().get("lifetime_value");
    assertThat(Provenance.of(ltv, Provenance.EXPRESSION))
        .contains("SUM(CAST(sales.amount AS NUMERIC)) OVER (PARTITION BY sales.customer_id)");
    assertThat(Provenance.of(ltv, Provenance.REQUIREMENTS)).contains("FR-2");
    assertThat(schema.classes().get("Product").attributes()).containsKey("sale_count");
    assertThat(schema.classes().get("Region").description()).contains("FR-1");
    assertThat(schema.classes().get("Customer").attributes().get("segment").description()).contains("FR-2");
    assertThat(Provenance.of(schema.classes().get("Sale"), Provenance.SOURCE_ID)).contains("csv-sales");
    assertThat(Provenance.of(sale.get("quantity"), Provenance.SOURCE_COLUMN)).contains("quantity");
    assertThat(result.outputs().get("warnings").toString()).as(GUIDE_INPUT_NOTE)
        .contains("data source ds_001 is not attached", "data source ds_002 is not attached");
    assertThat(Reports.draft(result, OntologyDesignAgent.KIND).metadata()).containsEntry("valid", true)
        .containsEntry("class_count", 4).containsEntry("enum_count", 3);
  }

  @Test
  void csvSampleValidationReportsExactlyThePlantedDefects() throws Exception {
    DesignHarness h = csv();
    h.run(new OntologyDesignAgent(h), Map.of());
    long started = System.nanoTime();
    AgentResult report = h.run(new SchemaValidationAgent(h), Map.of());
    System.out.printf("schema_validation on the CSV sample: %d ms, %s%n", (System.nanoTime() - started) / 1_000_000,
        report.summary());
    assertThat(Reports.failures(report)).containsExactlyInAnyOrder(
        "identifier_uniqueness Customer.customer_id 2",
        "referential_integrity Sale.customer 5",
        "type_compatibility Sale.quantity 4",
        "json_schema Sale.null 2");
    JsonNode quantity = Reports.check(report, "type_compatibility", "Sale", "quantity");
    assertThat(quantity.get("exact").asBoolean()).isTrue();
    assertThat(quantity.get("examples").findValuesAsText("quantity")).containsExactlyInAnyOrder("two", "3 units",
        "?", "1O");
    assertThat(Reports.check(report, "referential_integrity", "Sale", "customer").get("examples")
        .findValuesAsText("customer_id")).containsExactly("901", "902", "903");
    assertThat(Reports.check(report, "identifier_uniqueness", "Customer", "customer_id").get("examples")
        .findValuesAsText("customer_id")).containsExactly("17", "42");
    assertThat(Reports.findings(report)).as("CSV columns are optional; their empty values are findings")
        .containsExactly("null_handling Customer.email 7");
    JsonNode nulls = Reports.check(report, "null_handling", "Customer", "name");
    assertThat(nulls.get("method").asText()).isEqualTo("profile");
    assertThat(Reports.check(report, "pattern", "Customer", "email").get("exact").asBoolean())
        .as("202 rows, the sample holds 200").isFalse();
  }

  @Test
  void postgresSampleOntologyValidationAndMapping() throws Exception {
    DesignHarness h = postgres();
    long started = System.nanoTime();
    AgentResult design = h.run(new OntologyDesignAgent(h), guideInput(requirements(h)));
    System.out.printf("ontology_design on the PostgreSQL sample: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    SchemaDefinition schema = Reports.ontology(design);
    assertThat(schema.classes().keySet()).containsExactly("Customer", "Product", "Region", "Sale");
    SlotDefinition customer = schema.classes().get("Sale").attributes().get("customer");
    assertThat(customer.range()).isEqualTo("Customer");
    assertThat(Provenance.of(customer, Provenance.FOREIGN_KEY)).contains("fk_sales_customer");
    assertThat(schema.classes().get("Product").extensions().get("unique_keys").toString()).contains("[sku]");
    assertThat(schema.classes().get("Customer").attributes().get("customer_code").isRequired()).isTrue();

    started = System.nanoTime();
    AgentResult report = h.run(new SchemaValidationAgent(h), Map.of());
    System.out.printf("schema_validation on the PostgreSQL sample: %d ms, %s%n",
        (System.nanoTime() - started) / 1_000_000, report.summary());
    assertThat(Reports.failures(report)).containsExactly("referential_integrity Sale.customer 5");
    JsonNode orphans = Reports.check(report, "referential_integrity", "Sale", "customer");
    assertThat(orphans.get("examples").findValuesAsText("sale_id")).containsExactly("101", "202", "303", "404",
        "505");
    assertThat(orphans.get("examples").findValuesAsText("customer_id")).containsExactly("901", "901", "902", "902",
        "903");
    assertThat(orphans.get("method").asText()).isEqualTo("sql");

    AgentResult mapping = h.run(new TransformationDesignAgent(h), Map.of());
    JsonNode doc = Reports.json(mapping, TransformationDesignAgent.KIND);
    assertThat(doc.get("unmapped")).isEmpty();
    JsonNode ltv = slot(doc, "Customer", "lifetime_value");
    assertThat(ltv.get("kind").asText()).isEqualTo("aggregation");
    assertThat(ltv.get("expression").asText()).isEqualTo("SUM(sales.amount) OVER (PARTITION BY sales.customer_id)");
    assertThat(slot(doc, "Customer", "region").get("kind").asText()).isEqualTo("lookup");
    assertThat(slot(doc, "Sale", "amount").get("kind").asText()).isEqualTo("direct");
  }

  @Test
  void theGuidesHandWrittenOntologyIsMappedAndValidatedByName() throws Exception {
    DesignHarness h = postgres();
    h.add("sales.yaml", OntologyDesignAgent.KIND, "application/yaml",
        Files.readString(Path.of("src/test/resources/linkml/sales.yaml")));
    AgentResult mapping = h.run(new TransformationDesignAgent(h), Map.of());
    JsonNode doc = Reports.json(mapping, TransformationDesignAgent.KIND);
    JsonNode ltv = slot(doc, "Customer", "lifetime_value");
    assertThat(ltv.get("kind").asText()).isEqualTo("aggregation");
    assertThat(ltv.get("expression").asText()).isEqualTo("SUM(sales.amount) OVER (PARTITION BY sales.customer_id)");
    assertThat(ltv.get("source_column").asText()).isEqualTo("sales.amount,sales.customer_id");
    JsonNode region = slot(doc, "Customer", "region");
    assertThat(region.get("kind").asText()).isEqualTo("lookup");
    assertThat(region.get("source_column").asText()).isEqualTo("region_code");
    assertThat(slot(doc, "Customer", "customer_id").get("kind").asText()).as("integer column, string range")
        .isEqualTo("cast");
    assertThat(Reports.draft(mapping, TransformationDesignAgent.KIND).metadata())
        .containsEntry("mapped_class_count", 3L).containsEntry("unmapped_class_count", 0L)
        .containsEntry("unmapped_slot_count", 0);

    AgentResult report = h.run(new SchemaValidationAgent(h), Map.of("validation_rules",
        List.of("type_compatibility", "null_handling", "referential_integrity")));
    assertThat(Reports.failures(report)).containsExactly("referential_integrity Sale.customer 5");
  }

  @Test
  void aSlotWithoutSourceStaysUnmappedWithItsReason() throws Exception {
    DesignHarness h = postgres();
    h.add("sales.yaml", OntologyDesignAgent.KIND, "application/yaml",
        Files.readString(Path.of("src/test/resources/linkml/sales.yaml")).replace("      sale_date:\n",
            "      discount_code:\n        range: string\n      sale_date:\n") + "\n  Warehouse:\n    attributes:\n"
            + "      code:\n        identifier: true\n");
    AgentResult mapping = h.run(new TransformationDesignAgent(h), Map.of());
    JsonNode doc = Reports.json(mapping, TransformationDesignAgent.KIND);
    assertThat(doc.get("unmapped").toString()).contains("\"class\":\"Warehouse\",\"slot\":null",
        "no table named warehouse or warehouses", "\"slot\":\"discount_code\"", "no column discount_code");
    assertThat(Reports.draft(mapping, TransformationDesignAgent.KIND).metadata())
        .containsEntry("unmapped_class_count", 1L).containsEntry("unmapped_slot_count", 2);
  }

  private static JsonNode slot(JsonNode doc, String className, String slot) {
    for (JsonNode m : doc.get("mappings")) {
      if (m.get("class").asText().equals(className)) {
        for (JsonNode s : m.get("slots")) {
          if (s.get("slot").asText().equals(slot)) {
            return s;
          }
        }
      }
    }
    throw new AssertionError("no mapping of " + className + "." + slot + " in " + doc);
  }
}
