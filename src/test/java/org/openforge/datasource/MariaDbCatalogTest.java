package org.openforge.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.catalog.Catalogs;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.datasource.catalog.ProfileOptions;
import org.openforge.datasource.catalog.QualityIssue;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;

/** MariaDB through the same library: structure, profile numbers against SQL, orphans of a composite key. */
class MariaDbCatalogTest {

  private static String database;
  private static Catalogs catalogs;

  @BeforeAll
  static void build() throws Exception {
    database = ScratchDatabases.createMariaDb("store");
    catalogs = new Catalogs(ScratchDatabases.roots(Path.of("target/test-data"), null), Clock.systemUTC());
    try (Connection c = ScratchDatabases.mariaDb(database)) {
      ScratchDatabases.run(c,
          "create table customers (id int primary key, email varchar(120) unique, name varchar(80) not null, "
              + "active tinyint(1) not null, country char(2), joined date, photo blob, spot point)",
          "create table orders (order_id int not null, store_no int not null, customer_id int, total decimal(10,2), "
              + "placed_at datetime, primary key (order_id, store_no), "
              + "constraint fk_orders_customer foreign key (customer_id) references customers (id))",
          "create table order_notes (note_id int primary key auto_increment, order_id int not null, store_no int "
              + "not null, body text, constraint fk_notes_order foreign key (order_id, store_no) "
              + "references orders (order_id, store_no))",
          "create view big_orders as select order_id, store_no, total from orders where total > 100",
          "insert into customers (id, email, name, active, country, joined) select seq, "
              + "if(seq % 9 = 0, null, concat('c', seq, '@shop.example')), concat('Name ', seq), seq % 2, "
              + "elt(1 + seq % 3, 'US', 'FR', 'DE'), date '2023-01-01' + interval seq day from seq_1_to_60",
          "insert into orders select seq, 1 + seq % 2, 1 + seq % 60, seq * 1.5, timestamp '2024-01-01 00:00:00' "
              + "+ interval seq hour from seq_1_to_200",
          "set foreign_key_checks = 0",
          "insert into order_notes (order_id, store_no, body) select 1 + seq % 200, 1 + (1 + seq % 200) % 2, "
              + "concat('note ', seq) from seq_1_to_80",
          "insert into order_notes (order_id, store_no, body) values (999, 1, 'orphan'), (998, 2, 'orphan'), "
              + "(1, 1, 'wrong store')",
          "insert into orders values (500, 1, 777, 10.00, null)",
          "set foreign_key_checks = 1");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropMariaDb(database);
  }

  @Test
  void largeTablesGetMarkedEstimatesFromARowSample() throws Exception {
    ProfileOptions small = ProfileOptions.defaults().withExactMaxRows(10, 150).withTables(List.of("orders"));
    TableInfo orders = catalogs.profile(ScratchDatabases.mariaDbSource(database), small).tables().get(0);
    assertThat(orders.rowCount()).isEqualTo(201);
    ColumnInfo store = orders.column("store_no").orElseThrow();
    assertThat(store.profile().estimates()).containsEntry("distinct_count", "sample")
        .containsEntry("top_values", "sample");
    assertThat(store.profile().distinctApproximate()).isTrue();
    assertThat(store.profile().distinctCount()).isEqualTo(2);
    assertThat(store.profile().topValues()).extracting(v -> v.value()).containsExactlyInAnyOrder("1", "2");
    ColumnInfo placed = orders.column("placed_at").orElseThrow();
    assertThat(placed.profile().nullCount()).isEqualTo(1);
    assertThat(String.valueOf(placed.profile().min())).startsWith("2024-01-01 01:00:00");
  }

  @Test
  void describesTablesKeysAndTypes() throws Exception {
    SourceCatalog catalog = catalogs.describe(ScratchDatabases.mariaDbSource(database));
    assertThat(catalog.serverVersion()).startsWith("MariaDB");
    assertThat(catalog.tables()).extracting(TableInfo::name)
        .containsExactly("big_orders", "customers", "order_notes", "orders");
    assertThat(catalog.table(database, "big_orders").orElseThrow().kind()).isEqualTo("view");
    TableInfo customers = catalog.table(database, "customers").orElseThrow();
    assertThat(customers.columns()).extracting(c -> c.name() + ":" + c.normalizedType().value() + ":" + c.unsupported())
        .containsExactly("id:integer:false", "email:string:false", "name:string:false", "active:boolean:false",
            "country:string:false", "joined:date:false", "photo:binary:true", "spot:unknown:true");
    assertThat(customers.primaryKey()).containsExactly("id");
    assertThat(customers.uniqueConstraints()).hasSize(1);
    assertThat(customers.uniqueConstraints().get(0).columns()).containsExactly("email");
    TableInfo orders = catalog.table(database, "orders").orElseThrow();
    assertThat(orders.primaryKey()).containsExactly("order_id", "store_no");
    assertThat(orders.column("total").orElseThrow().precision()).isEqualTo(10);
    assertThat(orders.column("total").orElseThrow().scale()).isEqualTo(2);
    assertThat(orders.foreignKeys()).containsExactly(new ForeignKey("fk_orders_customer", List.of("customer_id"),
        database, "customers", List.of("id"), false));
    assertThat(catalog.table(database, "order_notes").orElseThrow().foreignKeys()).containsExactly(new ForeignKey(
        "fk_notes_order", List.of("order_id", "store_no"), database, "orders", List.of("order_id", "store_no"), false));
    try (Connection c = ScratchDatabases.mariaDb(database)) {
      for (TableInfo t : catalog.tables()) {
        assertThat(t.rowCount()).as(t.name()).isEqualTo(PostgresCatalogTest.single(c, "select count(*) from `"
            + t.name() + "`"));
      }
    }
  }

  @Test
  void profilesAgainstSqlGroundTruth() throws Exception {
    long started = System.nanoTime();
    SourceCatalog catalog = catalogs.profile(ScratchDatabases.mariaDbSource(database), ProfileOptions.defaults());
    System.out.printf("profiled the MariaDB schema in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertThat(catalog.warnings()).isEmpty();
    try (Connection c = ScratchDatabases.mariaDb(database)) {
      for (TableInfo t : catalog.tables()) {
        for (ColumnInfo col : t.columns()) {
          String q = "`" + col.name() + "`";
          String from = " from `" + t.name() + "`";
          assertThat(col.profile().nullCount()).as(t.name() + "." + col.name())
              .isEqualTo(PostgresCatalogTest.single(c, "select count(*) - count(" + q + ")" + from));
          if (col.unsupported()) {
            continue;
          }
          assertThat(col.profile().distinctCount()).as(t.name() + "." + col.name())
              .isEqualTo(PostgresCatalogTest.single(c, "select count(distinct " + q + ")" + from));
          if (col.normalizedType().ordered()) {
            String[] minMax = PostgresCatalogTest.rows(c, "select min(" + q + "), max(" + q + ")" + from).get(0);
            if (col.normalizedType() == NormalizedType.DECIMAL) {
              assertThat((BigDecimal) col.profile().min()).isEqualByComparingTo(minMax[0]);
              assertThat((BigDecimal) col.profile().max()).isEqualByComparingTo(minMax[1]);
            } else {
              assertThat(String.valueOf(col.profile().min())).as(col.name()).isEqualTo(minMax[0]);
              assertThat(String.valueOf(col.profile().max())).as(col.name()).isEqualTo(minMax[1]);
            }
          }
        }
      }
    }
    TableInfo notes = catalog.table(database, "order_notes").orElseThrow();
    QualityIssue orphans = notes.quality().issues().stream().filter(i -> i.kind().equals("orphan_foreign_key"))
        .findFirst().orElseThrow();
    assertThat(orphans.count()).isEqualTo(3);
    assertThat(orphans.examples()).containsExactly("1, 1", "998, 2", "999, 1");
    TableInfo orders = catalog.table(database, "orders").orElseThrow();
    assertThat(orders.quality().issues()).extracting(QualityIssue::kind).contains("orphan_foreign_key");
    TableInfo customers = catalog.table(database, "customers").orElseThrow();
    assertThat(customers.column("email").orElseThrow().profile().nullCount()).isEqualTo(6);
    assertThat(customers.column("country").orElseThrow().profile().semanticType()).isEqualTo("country");
    assertThat(customers.column("active").orElseThrow().profile().topValues()).hasSize(2);
    List<String> kinds = new ArrayList<>();
    customers.quality().issues().forEach(i -> kinds.add(i.kind() + ":" + i.column()));
    assertThat(kinds).contains("missing_values:email", "unsupported_column:photo", "unsupported_column:spot");
  }
}
