package org.openforge.agent.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentResult;
import org.openforge.ontology.linkml.SchemaDefinition;

/** The design agents on a MariaDB source: inference, validation in MariaDB's SQL, planted defects, mapping. */
class MariaDbDesignTest {

  private static String database;

  @BeforeAll
  static void source() throws Exception {
    database = Scratch.createMariaDb("maria");
    Scratch.runMariaDb(database,
        "create table customers (customer_id int primary key, email varchar(120) not null, tier varchar(10), "
            + "credit_limit decimal(10,2) not null)",
        "create table tags (tag_id int primary key, label varchar(30) not null unique)",
        "create table orders (order_id int primary key, customer_id int not null, status varchar(12) not null, "
            + "amount decimal(10,2) not null, foreign key (customer_id) references customers (customer_id))",
        "create table order_tags (order_id int not null, tag_id int not null, primary key (order_id, tag_id), "
            + "foreign key (order_id) references orders (order_id), foreign key (tag_id) references tags (tag_id))",
        "insert into customers select seq, concat('c', seq, '@example.com'), elt(1 + seq % 3, 'gold', 'silver', "
            + "'bronze'), 100 + seq from seq_1_to_120",
        "insert into tags select seq, concat('tag ', seq) from seq_1_to_6",
        "insert into orders select seq, 1 + seq % 120, elt(1 + seq % 4, 'new', 'paid', 'sent', 'closed'), "
            + "10 + seq % 500 from seq_1_to_400",
        "insert into order_tags select seq, 1 + seq % 6 from seq_1_to_400");
  }

  @AfterAll
  static void drop() {
    Scratch.dropMariaDb(database);
  }

  @Test
  void inferValidateAndMapAMariaDbSource() throws Exception {
    DesignHarness h = new DesignHarness("Orders", "Orders by tier", null)
        .attach(Scratch.mariaDbSource("maria", database));
    AgentResult design = h.run(new OntologyDesignAgent(h), Map.of("domain", "orders"));
    SchemaDefinition schema = Reports.ontology(design);
    assertThat(schema.classes().keySet()).containsExactly("Customer", "Order", "Tag");
    assertThat(schema.classes().get("Order").attributes().get("customer").range()).isEqualTo("Customer");
    assertThat(schema.classes().get("Order").attributes().get("tags").range()).isEqualTo("Tag");
    assertThat(schema.classes().get("Order").attributes().get("tags").isMultivalued()).isTrue();
    assertThat(schema.enums().get("OrderStatus").permissibleValues()).containsOnlyKeys("closed", "new", "paid",
        "sent");

    AgentResult clean = h.run(new SchemaValidationAgent(h), Map.of());
    assertThat(Reports.failures(clean)).isEmpty();

    Scratch.runMariaDb(database, "set foreign_key_checks = 0",
        "update orders set customer_id = 700 + order_id where order_id in (5, 6, 7)",
        "insert into order_tags values (1, 99)",
        "update orders set status = 'Lost' where order_id in (8, 9)",
        "update customers set tier = null where customer_id = 3",
        "update customers set email = 'C4 at example' where customer_id in (4, 5)",
        "update orders set amount = -5 where order_id = 10",
        "set foreign_key_checks = 1");
    AgentResult broken = h.run(new SchemaValidationAgent(h), Map.of());
    assertThat(Reports.failures(broken)).containsExactlyInAnyOrder(
        "referential_integrity Order.customer 3",
        "referential_integrity Order.tags 1",
        "enum_membership Order.status 2",
        "pattern Customer.email 2",
        "value_range Order.amount 1",
        "json_schema Customer.null 2",
        "json_schema Order.null 3");
    assertThat(Reports.findings(broken)).as("tier is nullable in the source").contains("null_handling Customer.tier 1");
    JsonNode orphans = Reports.check(broken, "referential_integrity", "Order", "customer");
    assertThat(orphans.get("examples").findValuesAsText("customer_id")).containsExactly("705", "706", "707");

    AgentResult mapping = h.run(new TransformationDesignAgent(h), Map.of());
    String tags = Reports.json(mapping, TransformationDesignAgent.KIND).get("mappings").toString();
    assertThat(tags).contains("(SELECT JSON_ARRAYAGG(j.tag_id) FROM");
  }
}
