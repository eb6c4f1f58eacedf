package org.openforge.datasource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openforge.system.OpenForgeProperties;

/**
 * Scratch source databases for tests: uniquely named PostgreSQL and MariaDB databases created and dropped by the
 * tests. When a server is unreachable the test fails under CI=true and is skipped (assumption) otherwise.
 */
public final class ScratchDatabases {

  public static final String PG_HOST = env("POSTGRES_HOST", "127.0.0.1");
  public static final int PG_PORT = Integer.parseInt(env("POSTGRES_PORT", "5432"));
  public static final String PG_USER = env("POSTGRES_USER", "postgres");
  public static final String PG_PASSWORD = env("POSTGRES_PASSWORD", "");
  static final String MARIADB_HOST = env("MARIADB_HOST", "127.0.0.1");
  static final int MARIADB_PORT = Integer.parseInt(env("MARIADB_PORT", "3306"));
  static final String MARIADB_USER = env("MARIADB_USER", "root");
  static final String MARIADB_PASSWORD = env("MARIADB_PASSWORD", "");

  private ScratchDatabases() {}

  /** A new, empty PostgreSQL database openforge_src_<tag>_<random>. */
  public static String createPostgres(String tag) {
    String name = "openforge_src_" + tag + "_" + suffix();
    execute(pgAdminUrl(), PG_USER, PG_PASSWORD, "PostgreSQL", "create database " + name);
    return name;
  }

  public static void dropPostgres(String name) {
    if (name != null) {
      execute(pgAdminUrl(), PG_USER, PG_PASSWORD, "PostgreSQL", "drop database if exists " + name + " with (force)");
    }
  }

  /** A new, empty MariaDB database openforge_src_<tag>_<random>. */
  static String createMariaDb(String tag) {
    String name = "openforge_src_" + tag + "_" + suffix();
    execute(mariaUrl(""), MARIADB_USER, MARIADB_PASSWORD, "MariaDB", "create database " + name);
    return name;
  }

  static void dropMariaDb(String name) {
    if (name != null) {
      execute(mariaUrl(""), MARIADB_USER, MARIADB_PASSWORD, "MariaDB", "drop database if exists " + name);
    }
  }

  public static Connection postgres(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database, PG_USER,
        PG_PASSWORD);
  }

  static Connection mariaDb(String database) throws SQLException {
    return DriverManager.getConnection(mariaUrl(database), MARIADB_USER, MARIADB_PASSWORD);
  }

  /**
   * A record for a scratch PostgreSQL database, as the API would load it. It connects as the server's admin user, so
   * agent SQL on it is allowed as an admin would allow it (allow_privileged_agent_sql).
   */
  static DataSourceRecord postgresSource(String database, String schema) {
    return new DataSourceRecord("pg-" + database, "scratch " + database, SourceType.POSTGRESQL, null,
        new JdbcConfig(PG_HOST, PG_PORT, database, PG_USER, Secret.of(PG_PASSWORD),
            schema == null ? List.of() : List.of(schema), Map.of(), null, true),
        null, OffsetDateTime.now(), OffsetDateTime.now());
  }

  /** A record for a scratch MariaDB database; as root, with agent SQL allowed (see postgresSource). */
  static DataSourceRecord mariaDbSource(String database) {
    return new DataSourceRecord("maria-" + database, "scratch " + database, SourceType.MARIADB, null,
        new JdbcConfig(MARIADB_HOST, MARIADB_PORT, database, MARIADB_USER, Secret.of(MARIADB_PASSWORD), List.of(),
            Map.of(), null, true),
        null, OffsetDateTime.now(), OffsetDateTime.now());
  }

  static DataSourceRecord csvSource(Path path) {
    return new DataSourceRecord("csv-" + path.getFileName(), "csv " + path.getFileName(), SourceType.CSV, null,
        new CsvConfig(path.toAbsolutePath().normalize(), ',', true, java.nio.charset.StandardCharsets.UTF_8, List.of()),
        null, OffsetDateTime.now(), OffsetDateTime.now());
  }

  /** Roots allowing the samples folder and the given extra folder. */
  static CsvRoots roots(Path dataDir, Path extra) {
    OpenForgeProperties properties = new OpenForgeProperties(true, dataDir, Path.of("samples"),
        new OpenForgeProperties.Admin(null, null, null), new OpenForgeProperties.Demo(false));
    return new CsvRoots(properties, extra == null ? "" : extra.toAbsolutePath().toString());
  }

  public static void run(Connection connection, String... statements) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static void execute(String url, String user, String password, String product, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08") || e.getMessage().contains("onnect")) {
        if ("true".equals(System.getenv("CI"))) {
          throw new IllegalStateException(product + " is unreachable (CI=true): " + e.getMessage(), e);
        }
        assumeTrue(false, product + " is unreachable, skipping: " + e.getMessage());
      }
      throw new IllegalStateException(product + ": " + sql + " failed", e);
    }
  }

  private static String pgAdminUrl() {
    return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
  }

  private static String mariaUrl(String database) {
    return "jdbc:mariadb://" + MARIADB_HOST + ":" + MARIADB_PORT + "/" + database;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
