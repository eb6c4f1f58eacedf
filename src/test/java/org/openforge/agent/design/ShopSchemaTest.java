package org.openforge.agent.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentResult;
import org.openforge.ontology.infer.Provenance;
import org.openforge.ontology.linkml.ClassDefinition;
import org.openforge.ontology.linkml.SchemaDefinition;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * The three design agents on a real PostgreSQL schema of 15 tables (14 entities, a junction table, composite keys, a
 * composite foreign key, a self-reference, 18 foreign keys): the inferred ontology against the database's own
 * constraint catalog, the generated DDL applied to an empty database, validation on clean data and then on planted
 * defects.
 */
class ShopSchemaTest {

  private static final String SCRIPT = "src/test/resources/agent/design/shop-postgres.sql";
  private static final List<String> CREATED = new ArrayList<>();
  private static String database;
  private static DesignHarness harness;
  private static AgentResult design;

  @BeforeAll
  static void designOnce() throws Exception {
    database = load("shop");
    harness = new DesignHarness("Retail analytics", "Weekly revenue by region and channel",
        "We need the number of orders per customer and customer lifetime value.");
    harness.attach(Scratch.source("pg-shop", database, "shop"));
    long started = System.nanoTime();
    design = harness.run(new OntologyDesignAgent(harness), Map.of("domain", "retail"));
    System.out.printf("ontology_design on the 15-table shop schema: %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }

  @AfterAll
  static void drop() {
    CREATED.forEach(Scratch::drop);
  }

  private static String load(String tag) throws Exception {
    String name = Scratch.create(tag);
    CREATED.add(name);
    Scratch.run(name, Files.readString(Path.of(SCRIPT)));
    return name;
  }

  @Test
  void oneClassPerEntityTableAndOneRelationshipPerForeignKey() throws Exception {
    SchemaDefinition schema = Reports.ontology(design);
    assertThat(Reports.draft(design, OntologyDesignAgent.KIND).metadata()).containsEntry("valid", true)
        .containsEntry("class_count", 14).containsEntry("error_count", 0);
    assertThat(schema.classes().keySet()).containsExactlyInAnyOrder("Category", "Country", "Currency", "Customer",
        "Inventory", "Order", "OrderLine", "Payment", "Product", "Region", "Shipment", "ShipmentLine", "Supplier",
        "Warehouse");
    List<String> tables = schema.classes().values().stream()
        .map(c -> Provenance.of(c, Provenance.SOURCE_TABLE).orElseThrow()).toList();
    assertThat(tables).doesNotHaveDuplicates().doesNotContain("shop.product_categories").hasSize(14);

    List<String[]> foreignKeys = foreignKeys(database);
    assertThat(foreignKeys).hasSize(18);
    int checked = 0;
    for (String[] fk : foreignKeys) {
      if (fk[1].equals("product_categories")) {
        continue;
      }
      ClassDefinition owner = Reports.classOf(schema, "shop." + fk[1]);
      String target = Reports.classOf(schema, "shop." + fk[2]).name();
      List<SlotDefinition> slots = owner.attributes().values().stream()
          .filter(s -> Provenance.of(s, Provenance.FOREIGN_KEY).orElse("").equals(fk[0])).toList();
      assertThat(slots).as("slots of " + owner.name() + " from " + fk[0]).hasSize(1);
      assertThat(slots.get(0).range()).as(fk[0]).isEqualTo(target);
      assertThat(slots.get(0).isMultivalued()).isFalse();
      checked++;
    }
    assertThat(checked).isEqualTo(16);
    long classRanged = schema.classes().values().stream().flatMap(c -> c.attributes().values().stream())
        .filter(s -> schema.classes().containsKey(s.range())).count();
    assertThat(classRanged).as("16 references and the junction").isEqualTo(17);

    SlotDefinition categories = schema.classes().get("Product").attributes().get("categories");
    assertThat(categories.range()).isEqualTo("Category");
    assertThat(categories.isMultivalued()).isTrue();
    assertThat(Provenance.of(categories, Provenance.SOURCE_TABLE)).contains("shop.product_categories");
    assertThat(schema.classes().get("Category").attributes().get("parent").range()).isEqualTo("Category");
    assertThat(schema.classes().get("Region").attributes().get("country").range()).isEqualTo("Country");
    assertThat(schema.classes().get("Order").attributes().get("customer").isRequired()).isTrue();
    assertThat(schema.classes().get("Supplier").attributes().get("country").isRequired()).isFalse();
    SlotDefinition orderLine = schema.classes().get("ShipmentLine").attributes().get("order_line");
    assertThat(orderLine.range()).isEqualTo("OrderLine");
    assertThat(Provenance.of(orderLine, Provenance.SOURCE_COLUMN)).contains("order_id,line_no");
    assertThat(schema.classes().get("ShipmentLine").attributes()).doesNotContainKeys("order_id", "line_no");
  }

  @Test
  void identifiersComeFromKeysAndRangesFromColumnTypes() {
    SchemaDefinition schema = Reports.ontology(design);
    SchemaView view = SchemaView.of(schema);
    Map<String, String> identifiers = new HashMap<>();
    schema.classes().keySet().forEach(c -> identifiers.put(c, view.identifierSlot(c).map(SlotDefinition::name)
        .orElse("-")));
    assertThat(identifiers).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("Country", "code"),
        Map.entry("Currency", "currency_code"), Map.entry("Region", "region_id"), Map.entry("Customer", "customer_id"),
        Map.entry("Supplier", "supplier_id"), Map.entry("Category", "category_id"), Map.entry("Product", "product_id"),
        Map.entry("Warehouse", "warehouse_code"), Map.entry("Inventory", "-"), Map.entry("Order", "order_id"),
        Map.entry("OrderLine", "-"), Map.entry("Payment", "payment_id"), Map.entry("Shipment", "shipment_id"),
        Map.entry("ShipmentLine", "-")));
    assertThat(schema.classes().get("OrderLine").extensions().get("unique_keys").toString())
        .contains("unique_key_slots=[order, line_no]");
    assertThat(schema.classes().get("Inventory").extensions().get("unique_keys").toString())
        .contains("unique_key_slots=[warehouse, product]");
    assertThat(schema.classes().get("ShipmentLine").extensions().get("unique_keys").toString())
        .contains("unique_key_slots=[shipment, order_line]");
    assertThat(schema.classes().get("Product").extensions().get("unique_keys").toString())
        .contains("unique_key_slots=[sku]");
    Map<String, SlotDefinition> payment = schema.classes().get("Payment").attributes();
    assertThat(payment.get("amount").range()).isEqualTo("decimal");
    assertThat(payment.get("amount").minimumValue()).isZero();
    assertThat(payment.get("paid_at").range()).isEqualTo("datetime");
    assertThat(payment.get("method").range()).isEqualTo("PaymentMethod");
    assertThat(schema.enums().get("PaymentMethod").permissibleValues()).containsOnlyKeys("card", "cash", "transfer");
    assertThat(schema.enums().get("OrderStatus").permissibleValues())
        .containsOnlyKeys("cancelled", "delivered", "paid", "placed", "shipped");
    Map<String, SlotDefinition> customer = schema.classes().get("Customer").attributes();
    assertThat(customer.get("signup_date").range()).isEqualTo("date");
    assertThat(customer.get("full_name").isRequired()).as("nullable in the source, though no row has a null")
        .isFalse();
    assertThat(customer.get("email").pattern()).contains("@");
    assertThat(customer.get("order_count").range()).isEqualTo("integer");
    assertThat(Provenance.of(customer.get("order_count"), Provenance.EXPRESSION))
        .contains("COUNT(*) OVER (PARTITION BY orders.customer_id)");
    assertThat(customer).doesNotContainKey("lifetime_value");
    assertThat(design.outputs().get("notes").toString())
        .contains("asks for 'customer lifetime value', but no table referring to shop.customers has a money column");
    assertThat(schema.classes().get("Shipment").attributes().get("shipped_at").isRequired()).isFalse();
    assertThat(schema.classes().get("Warehouse").attributes().get("city").range()).isEqualTo("string");
  }

  @Test
  void generatedDdlAppliesToAnEmptyDatabase() throws Exception {
    String empty = Scratch.create("ddl");
    CREATED.add(empty);
    String ddl = Reports.draft(design, OntologyDesignAgent.DDL_KIND).content();
    Scratch.run(empty, ddl);
    try (Connection c = Scratch.connect(empty); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_schema = 'public'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("14 class tables and the junction table").isEqualTo(15);
    }
    JsonNode jsonSchema = Reports.json(design, OntologyDesignAgent.JSON_SCHEMA_KIND);
    assertThat(jsonSchema.get("$defs").has("OrderLine")).isTrue();
  }

  @Test
  void validationPassesOnCleanDataThenReportsExactlyThePlantedDefects() throws Exception {
    String db = load("defects");
    DesignHarness h = new DesignHarness("Retail analytics", "Weekly revenue by region", "");
    h.attach(Scratch.source("pg-shop", db, "shop"));
    h.run(new OntologyDesignAgent(h), Map.of("domain", "retail"));
    long started = System.nanoTime();
    AgentResult clean = h.run(new SchemaValidationAgent(h), Map.of());
    System.out.printf("schema_validation of the clean shop schema: %d ms, %s%n",
        (System.nanoTime() - started) / 1_000_000, clean.summary());
    assertThat(Reports.failures(clean)).isEmpty();
    assertThat(Reports.draft(clean, SchemaValidationAgent.KIND).metadata()).containsEntry("failed_checks", 0L);
    long passed = (Long) Reports.draft(clean, SchemaValidationAgent.KIND).metadata().get("passed_checks");
    assertThat(passed).isGreaterThan(80);

    Scratch.run(db,
        "update shop.customers set full_name = null where customer_id in (5, 50, 150)",
        "update shop.customers set email = 'not-an-email' where customer_id in (7, 8)",
        "update shop.orders set status = 'lost' where order_id in (10, 20, 30, 40)",
        "update shop.order_lines set quantity = -1 where (order_id, line_no) in "
            + "((1, 1), (2, 1), (8, 2), (4, 1), (5, 3))",
        "set session_replication_role = replica; update shop.orders set customer_id = 9000 + order_id "
            + "where order_id in (100, 101, 102, 103, 104, 105); reset session_replication_role",
        "set session_replication_role = replica; insert into shop.product_categories (product_id, category_id) "
            + "values (1, 999), (2, 999); reset session_replication_role",
        "insert into shop.currencies values ('EUR', 'Euro again')",
        "alter table shop.order_lines drop constraint order_lines_pkey cascade",
        "insert into shop.order_lines values (1, 1, 1, 1, 9.99)",
        "alter table shop.payments alter column amount type varchar(20)",
        "update shop.payments set amount = 'n/a' where payment_id in (11, 12, 13)");
    started = System.nanoTime();
    AgentResult broken = h.run(new SchemaValidationAgent(h), Map.of());
    System.out.printf("schema_validation of the shop schema with planted defects: %d ms, %s%n",
        (System.nanoTime() - started) / 1_000_000, broken.summary());
    assertThat(Reports.findings(broken)).as("full_name is nullable in the source: its nulls are a finding")
        .containsExactlyInAnyOrder("null_handling Customer.full_name 3", "null_handling Shipment.shipped_at 90");
    assertThat(Reports.failures(broken)).containsExactlyInAnyOrder(
        "pattern Customer.email 2",
        "enum_membership Order.status 4",
        "value_range OrderLine.quantity 5",
        "referential_integrity Order.customer 6",
        "referential_integrity Product.categories 2",
        "identifier_uniqueness Currency.currency_code 1",
        "identifier_uniqueness OrderLine.order,line_no 1",
        "type_compatibility Payment.amount 3",
        "json_schema Customer.null 2");
    JsonNode orphans = Reports.check(broken, "referential_integrity", "Order", "customer");
    assertThat(orphans.get("examples")).hasSize(5);
    assertThat(orphans.get("examples").get(0).get("customer_id").asInt()).isEqualTo(9100);
    JsonNode enumCheck = Reports.check(broken, "enum_membership", "Order", "status");
    assertThat(enumCheck.get("examples").get(0).get("order_id").asInt()).isEqualTo(10);
    assertThat(enumCheck.get("examples").get(0).get("status").asText()).isEqualTo("lost");
    assertThat(enumCheck.get("exact").asBoolean()).isTrue();
    assertThat(Reports.draft(broken, SchemaValidationAgent.KIND).metadata()).containsEntry("failed_checks", 9L);
  }

  @Test
  void validationRulesRestrictTheFamilies() throws Exception {
    AgentResult only = harness.run(new SchemaValidationAgent(harness), Map.of("validation_rules",
        List.of("referential_integrity", "null_handling", "no_such_rule")));
    JsonNode report = Reports.json(only, SchemaValidationAgent.KIND);
    List<String> families = new ArrayList<>();
    report.get("checks").forEach(c -> families.add(c.get("check").asText()));
    assertThat(families).containsOnly("referential_integrity", "null_handling").contains("referential_integrity");
    assertThat(report.get("warnings").toString()).contains("no_such_rule");
    assertThat(report.get("failed_checks").asInt()).isZero();
  }

  @Test
  void transformationMapsEveryClassWithLookupsAndAggregations() throws Exception {
    long started = System.nanoTime();
    AgentResult mapping = harness.run(new TransformationDesignAgent(harness), Map.of());
    System.out.printf("transformation_design on the shop schema: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertThat(Reports.draft(mapping, TransformationDesignAgent.KIND).metadata())
        .containsEntry("mapped_class_count", 14L).containsEntry("unmapped_class_count", 0L)
        .containsEntry("unmapped_slot_count", 0);
    JsonNode doc = Reports.json(mapping, TransformationDesignAgent.KIND);
    assertThat(doc.get("unmapped")).isEmpty();
    JsonNode customer = slots(doc, "Customer");
    assertThat(slot(customer, "customer_id").get("kind").asText()).isEqualTo("direct");
    assertThat(slot(customer, "region").get("kind").asText()).isEqualTo("lookup");
    assertThat(slot(customer, "region").get("source_column").asText()).isEqualTo("region_id");
    JsonNode orders = slot(customer, "order_count");
    assertThat(orders.get("kind").asText()).isEqualTo("aggregation");
    assertThat(orders.get("expression").asText()).isEqualTo("COUNT(*) OVER (PARTITION BY orders.customer_id)");
    assertThat(orders.get("source_column").asText()).isEqualTo("orders.customer_id");
    String perRow = orders.get("per_row_sql").asText();
    assertThat(perRow).isEqualTo("(SELECT COUNT(*) FROM shop.orders orders WHERE orders.customer_id ="
        + " customers.customer_id)");
    try (Connection c = Scratch.connect(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from shop.customers where " + perRow + " <> (select count(*)"
            + " from shop.orders o where o.customer_id = customers.customer_id)")) {
      rs.next();
      assertThat(rs.getLong(1)).as("the per-row form runs over the class's own table and counts right").isZero();
    }
    JsonNode categories = slot(slots(doc, "Product"), "categories");
    assertThat(categories.get("kind").asText()).isEqualTo("lookup");
    assertThat(categories.get("expression").asText())
        .isEqualTo("ARRAY(SELECT j.category_id FROM shop.product_categories j WHERE j.product_id = "
            + "products.product_id)");
    assertThat(slot(slots(doc, "Order"), "customer").get("expression").asText()).isEqualTo("customer_id");
    assertThat(slot(slots(doc, "ShipmentLine"), "order_line").get("expression").asText())
        .isEqualTo("(order_id, line_no)");
  }

  private static JsonNode slots(JsonNode doc, String className) {
    for (JsonNode m : doc.get("mappings")) {
      if (m.get("class").asText().equals(className)) {
        return m.get("slots");
      }
    }
    throw new AssertionError("no mapping of " + className);
  }

  private static JsonNode slot(JsonNode slots, String name) {
    for (JsonNode s : slots) {
      if (s.get("slot").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no slot " + name + " in " + slots);
  }

  /** [constraint, child table, parent table] of every foreign key of schema shop, from pg_constraint. */
  private static List<String[]> foreignKeys(String db) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (Connection c = Scratch.connect(db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select c.conname, cl.relname, f.relname from pg_constraint c "
            + "join pg_class cl on cl.oid = c.conrelid join pg_class f on f.oid = c.confrelid "
            + "join pg_namespace n on n.oid = cl.relnamespace where c.contype = 'f' and n.nspname = 'shop' "
            + "order by 1")) {
      while (rs.next()) {
        out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    return out;
  }
}
