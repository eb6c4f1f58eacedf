package org.openforge.agent.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentResult;

/**
 * Defect injection on CSV files: validation of clean generated files passes, then reports exactly the defects planted
 * afterwards, each with its exact count (the e-mail pattern over the bounded sample, marked as not exact).
 */
class CsvDefectsTest {

  private static final String[] SEGMENTS = {"retail", "wholesale", "online"};
  private static final String[] STATUSES = {"placed", "paid", "shipped"};

  @Test
  void cleanFilesPassThenEveryPlantedDefectIsReportedWithItsCount() throws Exception {
    Path folder = Path.of("target/design-csv/" + UUID.randomUUID());
    Files.createDirectories(folder);
    List<String> customers = customers();
    List<String> orders = orders();
    Files.write(folder.resolve("customers.csv"), customers);
    Files.write(folder.resolve("orders.csv"), orders);
    DesignHarness h = new DesignHarness("Orders", "Orders by customer", null, folder)
        .attach(DesignHarness.csv("csv-orders", folder));
    h.run(new OntologyDesignAgent(h), Map.of("domain", "orders"));
    AgentResult clean = h.run(new SchemaValidationAgent(h), Map.of());
    assertThat(Reports.failures(clean)).isEmpty();
    assertThat(clean.summary()).contains("0 failed");

    set(customers, 10, 1, "");
    set(customers, 20, 1, "");
    set(customers, 30, 1, "");
    set(customers, 3, 1, "broken");
    set(customers, 4, 1, "broken@");
    customers.add(customers.get(5));
    customers.add(customers.get(6));
    set(orders, 50, 1, "9001");
    set(orders, 51, 1, "9002");
    set(orders, 52, 1, "9003");
    set(orders, 53, 1, "9003");
    for (int row = 60; row < 65; row++) {
      set(orders, row, 2, "abc");
    }
    set(orders, 70, 4, "lost");
    set(orders, 80, 3, "-2");
    set(orders, 81, 3, "-2");
    Files.write(folder.resolve("customers.csv"), customers);
    Files.write(folder.resolve("orders.csv"), orders);

    AgentResult broken = h.run(new SchemaValidationAgent(h), Map.of());
    assertThat(Reports.findings(broken)).as("a CSV column is optional: its empty values are findings")
        .containsExactly("null_handling Customer.email 3");
    assertThat(Reports.failures(broken)).containsExactlyInAnyOrder(
        "pattern Customer.email 2",
        "identifier_uniqueness Customer.customer_id 2",
        "referential_integrity Order.customer 4",
        "type_compatibility Order.amount 5",
        "enum_membership Order.status 1",
        "value_range Order.quantity 2",
        "json_schema Customer.null 2",
        "json_schema Order.null 8");
    JsonNode pattern = Reports.check(broken, "pattern", "Customer", "email");
    assertThat(pattern.get("exact").asBoolean()).isFalse();
    assertThat(pattern.get("examples").findValuesAsText("email")).containsExactly("broken", "broken@");
    assertThat(Reports.check(broken, "referential_integrity", "Order", "customer").get("examples")
        .findValuesAsText("customer_id")).containsExactly("9001", "9002", "9003");
    assertThat(Reports.check(broken, "value_range", "Order", "quantity").get("method").asText()).isEqualTo("census");
    assertThat(Reports.check(broken, "null_handling", "Customer", "email").get("examples").findValuesAsText(
        "customer_id")).containsExactly("10", "20", "30");
  }

  private static List<String> customers() {
    List<String> lines = new ArrayList<>(List.of("customer_id,email,segment,signup_date"));
    for (int i = 1; i <= 300; i++) {
      lines.add(i + ",c" + i + "@example.com," + SEGMENTS[i % 3] + "," + LocalDate.of(2023, 1, 1).plusDays(i));
    }
    return lines;
  }

  private static List<String> orders() {
    List<String> lines = new ArrayList<>(List.of("order_id,customer_id,amount,quantity,status"));
    for (int j = 1; j <= 600; j++) {
      lines.add(j + "," + (1 + (j * 7) % 300) + "," + String.format(Locale.ROOT, "%.2f", (j * 13) % 900 + 0.5) + ","
          + (1 + j % 9) + "," + STATUSES[j % 3]);
    }
    return lines;
  }

  /** Sets a field of data row {@code row} (1-based, after the header). */
  private static void set(List<String> lines, int row, int field, String value) {
    String[] fields = lines.get(row).split(",", -1);
    fields[field] = value;
    lines.set(row, String.join(",", fields));
  }

  @Test
  void aSourceThatCannotBeReadFailsItsClassesInsteadOfPassing() throws Exception {
    Path folder = Path.of("target/design-csv/" + UUID.randomUUID());
    Files.createDirectories(folder);
    Files.write(folder.resolve("customers.csv"), customers());
    Files.write(folder.resolve("orders.csv"), orders());
    DesignHarness h = new DesignHarness("Orders", "Orders by customer", null, folder)
        .attach(DesignHarness.csv("csv-orders", folder));
    h.run(new OntologyDesignAgent(h), Map.of());
    Files.delete(folder.resolve("customers.csv"));
    Files.delete(folder.resolve("orders.csv"));
    Files.delete(folder);
    AgentResult report = h.run(new SchemaValidationAgent(h), Map.of());
    assertThat(Reports.failures(report)).containsExactlyInAnyOrder("source_access Customer.null 0",
        "source_access Order.null 0");
    assertThat(Reports.draft(report, SchemaValidationAgent.KIND).metadata()).containsEntry("failed_checks", 2L);
    assertThat(Reports.json(report, SchemaValidationAgent.KIND).get("warnings").toString())
        .contains("csv-orders) cannot be read");
  }
}
