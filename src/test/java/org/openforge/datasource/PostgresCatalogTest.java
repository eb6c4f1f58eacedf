package org.openforge.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openforge.datasource.catalog.UniqueConstraint;

/**
 * A PostgreSQL schema of twelve tables and a view, built here: every table, column, key and row count must be
 * listed, and every profile number must equal the SQL ground truth.
 */
class PostgresCatalogTest {

  private static String database;
  private static Catalogs catalogs;

  @BeforeAll
  static void build() throws Exception {
    database = ScratchDatabases.createPostgres("shop");
    catalogs = new Catalogs(ScratchDatabases.roots(Path.of("target/test-data"), null), Clock.systemUTC());
    try (Connection c = ScratchDatabases.postgres(database)) {
      ScratchDatabases.run(c,
          "create schema shop",
          "create schema other",
          "create table other.ignored (id int primary key)",
          "create table shop.countries (code char(2) primary key, name text not null)",
          "create table shop.regions (region_id serial primary key, country_code char(2) not null "
              + "references shop.countries, name varchar(50) not null, constraint uq_region_name "
              + "unique (country_code, name))",
          "create table shop.customers (customer_id bigint primary key, email varchar(200) unique, "
              + "full_name text not null, region_id int references shop.regions, created_at timestamptz not null, "
              + "vip boolean, tags text[], photo bytea, profile jsonb)",
          "create table shop.categories (category_id int primary key, parent_id int references shop.categories, "
              + "name text not null)",
          "create table shop.products (product_id int primary key, sku varchar(20) not null, name text, "
              + "category_id int references shop.categories, price numeric(10,2), weight_kg real, launched date, "
              + "location point)",
          "create unique index ux_products_sku on shop.products (sku)",
          "create table shop.warehouses (warehouse_code varchar(10) primary key, city text, opens time)",
          "create table shop.stock (warehouse_code varchar(10) references shop.warehouses, product_id int "
              + "references shop.products, quantity int not null, primary key (warehouse_code, product_id))",
          "create table shop.orders (order_id int primary key, customer_id bigint not null references "
              + "shop.customers, ordered_at timestamp not null, status varchar(12) not null, total numeric(12,2))",
          "create table shop.order_lines (order_id int references shop.orders, line_no smallint, product_id int "
              + "not null references shop.products, qty int not null, unit_price numeric(10,2) not null, "
              + "primary key (order_id, line_no))",
          "create table shop.shipments (shipment_id uuid primary key, order_id int not null, line_no smallint "
              + "not null, warehouse_code varchar(10), product_id int, shipped_on date)",
          "create table shop.payments (payment_id int primary key, order_id int not null references shop.orders, "
              + "amount numeric(12,2) not null, method varchar(10), paid_at timestamptz)",
          "create table shop.audit_log (id bigserial primary key, entity text, payload json, note text)",
          "create view shop.order_totals as select order_id, sum(qty * unit_price) as total from shop.order_lines "
              + "group by order_id",
          "insert into shop.countries values ('US', 'United States'), ('DE', 'Germany'), ('FR', 'France')",
          "insert into shop.regions (country_code, name) select (array['US','DE','FR'])[1 + g % 3], 'Region ' || g "
              + "from generate_series(1, 9) g",
          "insert into shop.customers select g, case when g % 10 = 0 then null else 'user' || g || '@example.com' "
              + "end, 'Customer ' || g, case when g % 7 = 0 then null else 1 + g % 9 end, timestamptz "
              + "'2024-01-01 00:00:00+00' + g * interval '1 day', case when g % 4 = 0 then null else g % 2 = 0 end, "
              + "array['a', 'b'], decode('cafe', 'hex'), jsonb_build_object('n', g) from generate_series(1, 150) g",
          "insert into shop.categories values (1, null, 'Food'), (2, 1, 'Snacks'), (3, 1, 'Drinks'), "
              + "(4, null, 'Home')",
          "insert into shop.products select g, 'SKU-' || g, case when g = 5 then null else 'Product ' || g end, "
              + "1 + g % 4, round((g * 3.17)::numeric, 2), g * 0.25, date '2023-01-01' + g, point(g, g) "
              + "from generate_series(1, 30) g",
          "insert into shop.warehouses values ('W1', 'Berlin', '08:00'), ('W2', 'Paris', '09:30'), "
              + "('W3', null, null)",
          "insert into shop.stock select 'W' || (1 + g % 3), g, g * 10 from generate_series(1, 30) g",
          "insert into shop.orders select g, 1 + g % 150, timestamp '2024-03-01' + g * interval '3 hours', "
              + "(array['new','paid','shipped','cancelled'])[1 + g % 4], null from generate_series(1, 400) g",
          "insert into shop.order_lines select o, l, 1 + (o * l) % 30, 1 + (o + l) % 5, 2.50 * l "
              + "from generate_series(1, 400) o, generate_series(1, 3) l",
          "insert into shop.shipments select md5(g::text)::uuid, 1 + g % 400, 1 + g % 3, 'W' || (1 + g % 3), "
              + "1 + g % 30, date '2024-04-01' + g % 60 from generate_series(1, 250) g",
          "insert into shop.shipments values ('00000000-0000-0000-0000-000000000001', 1, 9, 'W1', 1, null), "
              + "('00000000-0000-0000-0000-000000000002', 2, 9, 'W1', 1, null), "
              + "('00000000-0000-0000-0000-000000000003', 3, 7, null, null, null)",
          "alter table shop.shipments add constraint fk_shipments_line foreign key (order_id, line_no) "
              + "references shop.order_lines (order_id, line_no) not valid",
          "alter table shop.shipments add constraint fk_shipments_stock foreign key (warehouse_code, product_id) "
              + "references shop.stock (warehouse_code, product_id) not valid",
          "insert into shop.payments select g, 1 + g % 400, 10 + g % 90, case when g % 5 = 0 then null else "
              + "'card' end, timestamptz '2024-03-02 00:00:00+00' + g * interval '5 hours' "
              + "from generate_series(1, 320) g",
          "insert into shop.audit_log (entity, payload, note) select 'order', json_build_object('i', g), "
              + "repeat('long note text ', 5) || g from generate_series(1, 12) g",
          "analyze");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(database);
  }

  private static DataSourceRecord source() {
    return ScratchDatabases.postgresSource(database, "shop");
  }

  @Test
  void listsEveryTableColumnKeyAndRowCount() throws Exception {
    SourceCatalog catalog = catalogs.describe(source());
    assertThat(catalog.serverVersion()).startsWith("PostgreSQL");
    assertThat(catalog.profiled()).isFalse();
    assertThat(catalog.tables()).extracting(TableInfo::name).containsExactly("audit_log", "categories", "countries",
        "customers", "order_lines", "order_totals", "orders", "payments", "products", "regions", "shipments", "stock",
        "warehouses");
    assertThat(catalog.table("shop", "order_totals").orElseThrow().kind()).isEqualTo("view");
    assertThat(catalog.tables()).filteredOn(t -> !t.name().equals("order_totals"))
        .allSatisfy(t -> assertThat(t.kind()).isEqualTo("table"));

    try (Connection c = ScratchDatabases.postgres(database)) {
      for (TableInfo table : catalog.tables()) {
        assertThat(table.schema()).isEqualTo("shop");
        assertThat(table.rowCount()).as("rows of " + table.name())
            .isEqualTo(single(c, "select count(*) from shop." + table.name()));
        assertThat(table.rowCountExact()).isTrue();
        List<String[]> truth = rows(c, "select column_name, is_nullable from information_schema.columns "
            + "where table_schema = 'shop' and table_name = '" + table.name() + "' order by ordinal_position");
        assertThat(table.columns()).extracting(ColumnInfo::name)
            .containsExactlyElementsOf(truth.stream().map(r -> r[0]).toList());
        for (int i = 0; i < truth.size(); i++) {
          assertThat(table.columns().get(i).position()).isEqualTo(i + 1);
          if (!table.kind().equals("view")) {
            assertThat(table.columns().get(i).nullable()).as(table.name() + "." + truth.get(i)[0])
                .isEqualTo(truth.get(i)[1].equals("YES"));
          }
        }
      }
    }

    TableInfo customers = catalog.table("shop", "customers").orElseThrow();
    assertThat(types(customers)).containsExactly(
        "customer_id bigint integer", "email character varying(200) string", "full_name text string",
        "region_id integer integer", "created_at timestamp with time zone datetime", "vip boolean boolean",
        "tags text[] unknown", "photo bytea binary", "profile jsonb json");
    assertThat(customers.column("tags").orElseThrow().unsupported()).isTrue();
    assertThat(customers.column("photo").orElseThrow().unsupported()).isTrue();
    assertThat(customers.column("email").orElseThrow().maxLength()).isEqualTo(200);
    assertThat(customers.uniqueConstraints()).extracting(UniqueConstraint::columns).containsExactly(List.of("email"));
    TableInfo products = catalog.table("shop", "products").orElseThrow();
    ColumnInfo price = products.column("price").orElseThrow();
    assertThat(price.normalizedType()).isEqualTo(NormalizedType.DECIMAL);
    assertThat(price.precision()).isEqualTo(10);
    assertThat(price.scale()).isEqualTo(2);
    assertThat(products.column("weight_kg").orElseThrow().normalizedType()).isEqualTo(NormalizedType.FLOAT);
    assertThat(products.column("launched").orElseThrow().normalizedType()).isEqualTo(NormalizedType.DATE);
    assertThat(products.column("location").orElseThrow().nativeType()).isEqualTo("point");
    assertThat(products.column("location").orElseThrow().unsupported()).isTrue();
    assertThat(products.uniqueConstraints()).containsExactly(new UniqueConstraint("ux_products_sku", List.of("sku")));
    assertThat(catalog.table("shop", "warehouses").orElseThrow().column("opens").orElseThrow().normalizedType())
        .isEqualTo(NormalizedType.TIME);
    assertThat(catalog.table("shop", "shipments").orElseThrow().column("shipment_id").orElseThrow()
        .normalizedType()).isEqualTo(NormalizedType.UUID);

    Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
    catalog.tables().forEach(t -> primaryKeys.put(t.name(), t.primaryKey()));
    assertThat(primaryKeys).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("audit_log", List.of("id")), Map.entry("categories", List.of("category_id")),
        Map.entry("countries", List.of("code")), Map.entry("customers", List.of("customer_id")),
        Map.entry("order_lines", List.of("order_id", "line_no")), Map.entry("order_totals", List.of()),
        Map.entry("orders", List.of("order_id")), Map.entry("payments", List.of("payment_id")),
        Map.entry("products", List.of("product_id")), Map.entry("regions", List.of("region_id")),
        Map.entry("shipments", List.of("shipment_id")),
        Map.entry("stock", List.of("warehouse_code", "product_id")),
        Map.entry("warehouses", List.of("warehouse_code"))));

    List<String> foreignKeys = new ArrayList<>();
    for (TableInfo t : catalog.tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        foreignKeys.add(t.name() + "(" + String.join(",", fk.columns()) + ")->" + fk.referencedSchema() + "."
            + fk.referencedTable() + "(" + String.join(",", fk.referencedColumns()) + ")");
      }
    }
    assertThat(foreignKeys).containsExactlyInAnyOrder(
        "regions(country_code)->shop.countries(code)",
        "customers(region_id)->shop.regions(region_id)",
        "categories(parent_id)->shop.categories(category_id)",
        "products(category_id)->shop.categories(category_id)",
        "stock(warehouse_code)->shop.warehouses(warehouse_code)",
        "stock(product_id)->shop.products(product_id)",
        "orders(customer_id)->shop.customers(customer_id)",
        "order_lines(order_id)->shop.orders(order_id)",
        "order_lines(product_id)->shop.products(product_id)",
        "shipments(order_id,line_no)->shop.order_lines(order_id,line_no)",
        "shipments(warehouse_code,product_id)->shop.stock(warehouse_code,product_id)",
        "payments(order_id)->shop.orders(order_id)");
    assertThat(catalog.table("shop", "regions").orElseThrow().uniqueConstraints())
        .containsExactly(new UniqueConstraint("uq_region_name", List.of("country_code", "name")));
    assertThat(catalog.table("shop", "shipments").orElseThrow().foreignKeys()).extracting(ForeignKey::name)
        .containsExactlyInAnyOrder("fk_shipments_line", "fk_shipments_stock");
  }

  @Test
  void withoutASchemaEveryUserSchemaIsListed() {
    SourceCatalog catalog = catalogs.describe(ScratchDatabases.postgresSource(database, null));
    assertThat(catalog.tables()).extracting(TableInfo::qualifiedName).contains("other.ignored", "shop.customers")
        .noneMatch(n -> n.startsWith("pg_catalog.") || n.startsWith("information_schema."));
  }

  @Test
  void profileNumbersEqualSqlGroundTruth() throws Exception {
    long started = System.nanoTime();
    SourceCatalog catalog = catalogs.profile(source(), ProfileOptions.defaults());
    System.out.printf("profiled the 13-table PostgreSQL schema in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertThat(catalog.profiled()).isTrue();
    assertThat(catalog.warnings()).isEmpty();
    try (Connection c = ScratchDatabases.postgres(database)) {
      for (TableInfo table : catalog.tables()) {
        assertThat(table.quality()).as(table.name()).isNotNull();
        for (ColumnInfo col : table.columns()) {
          String q = "\"" + col.name() + "\"";
          String from = " from shop." + table.name();
          String what = table.name() + "." + col.name();
          assertThat(col.profile().nullCount()).as(what + " nulls")
              .isEqualTo(single(c, "select count(*) - count(" + q + ")" + from));
          if (col.unsupported() || col.normalizedType() == NormalizedType.JSON) {
            assertThat(col.profile().distinctCount()).as(what).isNull();
            continue;
          }
          assertThat(col.profile().distinctCount()).as(what + " distinct")
              .isEqualTo(single(c, "select count(distinct " + q + ")" + from));
          assertThat(col.profile().distinctApproximate()).isFalse();
          if (col.normalizedType().ordered()) {
            String[] minMax = rows(c, "select min(" + q + ")::text, max(" + q + ")::text" + from).get(0);
            assertBound(what + " min", col.profile().min(), minMax[0]);
            assertBound(what + " max", col.profile().max(), minMax[1]);
          }
          if (!col.profile().topValues().isEmpty()) {
            var top = col.profile().topValues().get(0);
            assertThat(top.count()).as(what + " top count").isEqualTo(single(c, "select count(*)" + from
                + " where " + q + "::text = '" + top.value().replace("'", "''") + "'"));
            assertThat(top.count()).isEqualTo(single(c, "select max(n) from (select count(*) n" + from + " where " + q
                + " is not null group by " + q + ") g"));
          }
        }
      }
      TableInfo shipments = catalog.table("shop", "shipments").orElseThrow();
      long lineOrphans = single(c, "select count(*) from shop.shipments s where not exists (select 1 from "
          + "shop.order_lines l where l.order_id = s.order_id and l.line_no = s.line_no)");
      long stockOrphans = single(c, "select count(*) from shop.shipments s where s.warehouse_code is not null and "
          + "s.product_id is not null and not exists (select 1 from shop.stock k where k.warehouse_code = "
          + "s.warehouse_code and k.product_id = s.product_id)");
      assertThat(lineOrphans).isEqualTo(3);
      assertThat(issue(shipments, "orphan_foreign_key", "order_id,line_no").count()).isEqualTo(lineOrphans);
      assertThat(issue(shipments, "orphan_foreign_key", "order_id,line_no").examples())
          .containsExactly("1, 9", "2, 9", "3, 7");
      assertThat(issue(shipments, "orphan_foreign_key", "warehouse_code,product_id").count()).isEqualTo(stockOrphans);
      assertThat(shipments.quality().integrity()).isLessThan(1.0);
    }
    TableInfo customers = catalog.table("shop", "customers").orElseThrow();
    assertThat(semantic(customers, "email")).isEqualTo("email");
    assertThat(customers.column("email").orElseThrow().profile().semanticEvidence())
        .isEqualTo("135 of 135 non-null values (100.0%) match the email pattern");
    assertThat(semantic(customers, "customer_id")).isEqualTo("identifier");
    assertThat(semantic(customers, "vip")).isEqualTo("boolean_like");
    assertThat(customers.column("tags").orElseThrow().profile().nullCount()).isZero();
    assertThat(issue(customers, "missing_values", "region_id").count()).isEqualTo(21);
    assertThat(semantic(catalog.table("shop", "countries").orElseThrow(), "code")).isEqualTo("identifier");
    assertThat(semantic(catalog.table("shop", "orders").orElseThrow(), "status")).isEqualTo("category");
    assertThat(semantic(catalog.table("shop", "payments").orElseThrow(), "amount")).isEqualTo("currency");
    assertThat(semantic(catalog.table("shop", "audit_log").orElseThrow(), "note")).isEqualTo("free_text");
    assertThat(catalog.table("shop", "order_lines").orElseThrow().quality().score()).isEqualTo(1.0);
  }

  @Test
  void largeTablesGetApproximateDistinctsFromASample() throws Exception {
    ProfileOptions small = ProfileOptions.defaults().withExactMaxRows(100, 200).withTables(List.of("order_lines"));
    SourceCatalog catalog = catalogs.profile(source(), small);
    TableInfo lines = catalog.tables().get(0);
    assertThat(lines.rowCount()).isEqualTo(1200);
    ColumnInfo product = lines.column("product_id").orElseThrow();
    assertThat(product.profile().distinctApproximate()).isTrue();
    assertThat(product.profile().distinctCount()).isBetween(20L, 45L);
    try (Connection c = ScratchDatabases.postgres(database)) {
      assertThat(product.profile().nullCount()).isEqualTo(single(c, "select count(*) - count(product_id) "
          + "from shop.order_lines"));
    }
  }

  private static QualityIssue issue(TableInfo t, String kind, String column) {
    return t.quality().issues().stream().filter(i -> i.kind().equals(kind) && column.equals(i.column())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " on " + t.name() + "." + column + ": "
            + t.quality().issues()));
  }

  private static String semantic(TableInfo t, String column) {
    return t.column(column).orElseThrow().profile().semanticType();
  }

  private static List<String> types(TableInfo t) {
    return t.columns().stream().map(c -> c.name() + " " + c.nativeType() + " " + c.normalizedType().value()).toList();
  }

  private static void assertBound(String what, Object actual, String expected) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
    } else if (actual instanceof Double d) {
      assertThat(d).as(what).isCloseTo(Double.parseDouble(expected), within(1e-4));
    } else if (actual instanceof BigDecimal b) {
      assertThat(b).as(what).isEqualByComparingTo(expected);
    } else {
      assertThat(String.valueOf(actual)).as(what).isEqualTo(expected);
    }
  }

  static long single(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<String[]> rows(Connection c, String sql) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getString(i + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
