package org.openforge.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.catalog.Catalogs;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.ProfileOptions;
import org.openforge.datasource.catalog.QualityIssue;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;

/** The defects planted in samples/ (see samples/README.md) are reported with their exact counts — and nothing else. */
class SampleDefectsTest {

  private static String database;
  private static Catalogs catalogs;

  @BeforeAll
  static void load() throws Exception {
    database = ScratchDatabases.createPostgres("samples");
    catalogs = new Catalogs(ScratchDatabases.roots(Path.of("target/test-data"), null), Clock.systemUTC());
    try (Connection c = ScratchDatabases.postgres(database)) {
      ScratchDatabases.run(c, Files.readString(Path.of("samples/sales-postgres.sql")));
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(database);
  }

  @Test
  void postgresSampleDefects() {
    long started = System.nanoTime();
    SourceCatalog catalog = catalogs.profile(ScratchDatabases.postgresSource(database, "sales"),
        ProfileOptions.defaults());
    System.out.printf("profiled the PostgreSQL sales sample in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertThat(catalog.tables()).extracting(t -> t.name() + ":" + t.rowCount())
        .containsExactly("customers:200", "products:40", "regions:8", "sales:600");
    assertThat(findings(catalog)).containsExactlyInAnyOrder(
        "customers.email missing_values 7",
        "customers.customer_code duplicate_key 2",
        "sales.customer_id orphan_foreign_key 5");
    TableInfo customers = catalog.table("sales", "customers").orElseThrow();
    assertThat(issue(customers, "duplicate_key").examples()).containsExactly("C-00149 (2 rows)", "C-00179 (2 rows)");
    TableInfo sales = catalog.table("sales", "sales").orElseThrow();
    assertThat(issue(sales, "orphan_foreign_key").examples()).containsExactly("901", "902", "903");
    assertThat(sales.foreignKeys()).extracting(ForeignKey::name).contains("fk_sales_customer");
    assertThat(semantic(customers, "email")).isEqualTo("email");
    assertThat(semantic(customers, "phone")).isEqualTo("phone");
    assertThat(semantic(customers, "postal_code")).isEqualTo("postal_code");
    assertThat(semantic(customers, "segment")).isEqualTo("category");
    assertThat(semantic(catalog.table("sales", "regions").orElseThrow(), "country")).isEqualTo("country");
    assertThat(semantic(sales, "amount")).isEqualTo("currency");
    assertThat(semantic(sales, "quantity")).isEqualTo("quantity");
    assertThat(semantic(sales, "sale_date")).isEqualTo("date");
    assertThat(semantic(sales, "channel")).isEqualTo("category");
    assertThat(sales.quality().integrity()).isEqualTo(1 - 5 / 600.0, org.assertj.core.api.Assertions.within(1e-4));
  }

  @Test
  void csvSampleDefects() {
    long started = System.nanoTime();
    SourceCatalog catalog = catalogs.profile(ScratchDatabases.csvSource(Path.of("samples/sales")),
        ProfileOptions.defaults());
    System.out.printf("profiled the CSV sales sample in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertThat(catalog.warnings()).isEmpty();
    assertThat(catalog.tables()).extracting(t -> t.name() + ":" + t.rowCount())
        .containsExactly("customers:202", "products:40", "regions:8", "sales:600");
    assertThat(findings(catalog)).containsExactlyInAnyOrder(
        "customers.email missing_values 7",
        "customers.customer_id duplicate_key 2",
        "customers.customer_code duplicate_key 4",
        "sales.customer_id orphan_foreign_key 5",
        "sales.quantity type_inconsistency 4");
    TableInfo sales = catalog.table(null, "sales").orElseThrow();
    assertThat(sales.column("quantity").orElseThrow().normalizedType().value()).isEqualTo("integer");
    assertThat(issue(sales, "type_inconsistency").examples()).containsExactly("two", "3 units", "?", "1O");
    assertThat(issue(sales, "orphan_foreign_key").examples()).containsExactly("901", "902", "903");
    assertThat(sales.foreignKeys()).extracting(fk -> fk.columns() + "->" + fk.referencedTable() + fk.inferred())
        .containsExactlyInAnyOrder("[customer_id]->customerstrue", "[product_id]->productstrue");
    TableInfo customers = catalog.table(null, "customers").orElseThrow();
    assertThat(issue(customers, "duplicate_key").examples()).isNotEmpty();
    assertThat(customers.foreignKeys()).extracting(ForeignKey::referencedTable).containsExactly("regions");
    assertThat(catalog.table(null, "products").orElseThrow().candidateKeys())
        .containsExactly(List.of("product_id"), List.of("sku"));
    assertThat(catalog.table(null, "products").orElseThrow().column("active").orElseThrow().normalizedType().value())
        .isEqualTo("boolean");
    assertThat(semantic(customers, "email")).isEqualTo("email");
    assertThat(semantic(customers, "signup_date")).isEqualTo("date");
  }

  /** Warnings and errors of every table as "table.column kind count". */
  private static List<String> findings(SourceCatalog catalog) {
    return catalog.tables().stream().flatMap(t -> t.quality().issues().stream()
        .filter(i -> !i.severity().equals("info"))
        .map(i -> t.name() + "." + i.column() + " " + i.kind() + " " + i.count())).toList();
  }

  private static QualityIssue issue(TableInfo t, String kind) {
    return t.quality().issues().stream().filter(i -> i.kind().equals(kind)).findFirst().orElseThrow();
  }

  private static String semantic(TableInfo t, String column) {
    return t.column(column).orElseThrow().profile().semanticType();
  }
}
