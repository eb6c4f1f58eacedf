package org.openforge.agent.design;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.JdbcConfig;
import org.openforge.datasource.Secret;
import org.openforge.datasource.SourceType;

/**
 * Scratch PostgreSQL and MariaDB databases for the design tests, named {@code openforge_design_<tag>_<random>},
 * created and dropped by the tests. An unreachable server fails the test under CI=true and skips it otherwise.
 */
final class Scratch {

  static final String HOST = env("POSTGRES_HOST", "127.0.0.1");
  static final int PORT = Integer.parseInt(env("POSTGRES_PORT", "5432"));
  static final String USER = env("POSTGRES_USER", "postgres");
  static final String PASSWORD = env("POSTGRES_PASSWORD", "");
  static final String MARIADB_HOST = env("MARIADB_HOST", "127.0.0.1");
  static final int MARIADB_PORT = Integer.parseInt(env("MARIADB_PORT", "3306"));
  static final String MARIADB_USER = env("MARIADB_USER", "root");
  static final String MARIADB_PASSWORD = env("MARIADB_PASSWORD", "");

  private Scratch() {}

  static String create(String tag) {
    String name = name(tag);
    admin(pgAdmin(), USER, PASSWORD, "PostgreSQL", "create database " + name);
    return name;
  }

  static void drop(String name) {
    if (name != null) {
      admin(pgAdmin(), USER, PASSWORD, "PostgreSQL", "drop database if exists " + name + " with (force)");
    }
  }

  static String createMariaDb(String tag) {
    String name = name(tag);
    admin(mariaUrl(""), MARIADB_USER, MARIADB_PASSWORD, "MariaDB", "create database " + name);
    return name;
  }

  static void dropMariaDb(String name) {
    if (name != null) {
      admin(mariaUrl(""), MARIADB_USER, MARIADB_PASSWORD, "MariaDB", "drop database if exists " + name);
    }
  }

  /** Runs statements in one MariaDB session (session settings such as foreign_key_checks hold for all of them). */
  static void runMariaDb(String database, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(mariaUrl(database), MARIADB_USER, MARIADB_PASSWORD);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static DataSourceRecord mariaDbSource(String id, String database) {
    return new DataSourceRecord(id, "scratch " + database, SourceType.MARIADB, null,
        new JdbcConfig(MARIADB_HOST, MARIADB_PORT, database, MARIADB_USER, Secret.of(MARIADB_PASSWORD), List.of(),
            Map.of(), null, true),
        null, OffsetDateTime.now(), OffsetDateTime.now());
  }

  private static String name(String tag) {
    return "openforge_design_" + tag + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
        .toLowerCase(Locale.ROOT);
  }

  static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER, PASSWORD);
  }

  static void run(String database, String... statements) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /**
   * A data source record for a scratch database, as the API would load it (schema null: every schema). The scratch
   * sources connect as the server's admin user, so agent SQL on them is allowed as an admin would allow it.
   */
  static DataSourceRecord source(String id, String database, String schema) {
    return new DataSourceRecord(id, "scratch " + database, SourceType.POSTGRESQL, null,
        new JdbcConfig(HOST, PORT, database, USER, Secret.of(PASSWORD), schema == null ? List.of() : List.of(schema),
            Map.of(), null, true),
        null, OffsetDateTime.now(), OffsetDateTime.now());
  }

  /** The connection_config of a scratch database for {@code POST /api/v1/data-sources} (by an admin key). */
  static Map<String, Object> config(String database, String schema) {
    return Map.of("host", HOST, "port", PORT, "database", database, "username", USER, "password", PASSWORD,
        "schema", schema, "allow_privileged_agent_sql", true);
  }

  private static void admin(String url, String user, String password, String product, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      boolean unreachable = (e.getSQLState() != null && e.getSQLState().startsWith("08"))
          || String.valueOf(e.getMessage()).contains("onnect");
      if (unreachable) {
        if ("true".equals(System.getenv("CI"))) {
          throw new IllegalStateException(product + " is unreachable (CI=true): " + e.getMessage(), e);
        }
        assumeTrue(false, product + " is unreachable, skipping: " + e.getMessage());
      }
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  private static String pgAdmin() {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
  }

  private static String mariaUrl(String database) {
    return "jdbc:mariadb://" + MARIADB_HOST + ":" + MARIADB_PORT + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
