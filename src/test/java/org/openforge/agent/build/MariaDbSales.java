package org.openforge.agent.build;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The CSV sales sample loaded into a scratch MariaDB database as the files are — no keys, quantity as text — so that
 * the same planted defects must be found by SQL pushed down to MariaDB. Skipped when MariaDB is unreachable (fails
 * under CI=true).
 */
public final class MariaDbSales {

  public static final String HOST = env("MARIADB_HOST", "127.0.0.1");
  public static final int PORT = Integer.parseInt(env("MARIADB_PORT", "3306"));
  public static final String USER = env("MARIADB_USER", "root");
  public static final String PASSWORD = env("MARIADB_PASSWORD", "");

  private MariaDbSales() {}

  public static String create() {
    String name = "openforge_src_build_maria_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)
        .toLowerCase(Locale.ROOT);
    try (Connection admin = connect("")) {
      try (Statement s = admin.createStatement()) {
        s.execute("create database " + name);
      }
    } catch (SQLException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("MariaDB is unreachable (CI=true): " + e.getMessage(), e);
      }
      assumeTrue(false, "MariaDB is unreachable, skipping: " + e.getMessage());
    }
    try (Connection c = connect(name); Statement s = c.createStatement()) {
      s.execute("create table regions (region_code varchar(8), name varchar(60), country char(2), "
          + "manager varchar(80))");
      s.execute("create table customers (customer_id int, customer_code varchar(12), name varchar(120), email "
          + "varchar(200), phone varchar(40), region_code varchar(8), postal_code varchar(10), segment varchar(20), "
          + "signup_date date)");
      s.execute("create table products (product_id int, sku varchar(20), name varchar(120), category varchar(40), "
          + "unit_price decimal(10,2), active boolean)");
      s.execute("create table sales (sale_id int, customer_id int, product_id int, sale_date date, quantity "
          + "varchar(20), unit_price decimal(10,2), amount decimal(12,2), channel varchar(20))");
      load(c, "regions", SalesSamples.csv("regions.csv"));
      load(c, "customers", SalesSamples.csv("customers.csv"));
      load(c, "products", SalesSamples.csv("products.csv"));
      load(c, "sales", SalesSamples.csv("sales.csv"));
    } catch (SQLException e) {
      drop(name);
      throw new IllegalStateException("cannot load the sales sample into MariaDB " + name, e);
    }
    return name;
  }

  public static void drop(String name) {
    if (name == null) {
      return;
    }
    try (Connection c = connect(""); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop " + name, e);
    }
  }

  private static void load(Connection c, String table, List<String[]> rows) throws SQLException {
    String[] header = rows.get(0);
    String sql = "insert into " + table + " values (" + String.join(", ", java.util.Collections.nCopies(
        header.length, "?")) + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (String[] row : rows.subList(1, rows.size())) {
        for (int i = 0; i < header.length; i++) {
          String v = row[i].isEmpty() ? null : row[i];
          ps.setString(i + 1, "true".equals(v) ? "1" : "false".equals(v) ? "0" : v);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:mariadb://" + HOST + ":" + PORT + "/" + database, USER, PASSWORD);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
