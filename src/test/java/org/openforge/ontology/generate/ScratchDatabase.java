package org.openforge.ontology.generate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A scratch PostgreSQL database ({@code openforge_linkml_test}) created and dropped through the {@code postgres}
 * database. When PostgreSQL is unreachable, {@link #create} fails with {@code CI=true} and otherwise returns null
 * with the reason in {@link #unavailable}, for the tests to skip with an assumption.
 */
final class ScratchDatabase implements AutoCloseable {

  static final String NAME = "openforge_linkml_test";

  /** Why the database could not be created (outside CI), or null. */
  static String unavailable;

  private final String host = env("POSTGRES_HOST", "127.0.0.1");
  private final String port = env("POSTGRES_PORT", "5432");
  private final String user = env("POSTGRES_USER", "postgres");
  private final String password = env("POSTGRES_PASSWORD", "");

  private ScratchDatabase() {}

  /** Creates the scratch database afresh, or returns null (outside CI) when PostgreSQL is unreachable. */
  static ScratchDatabase create() {
    ScratchDatabase db = new ScratchDatabase();
    try (Connection admin = db.connect("postgres"); Statement s = admin.createStatement()) {
      s.execute("drop database if exists " + NAME + " with (force)");
      s.execute("create database " + NAME);
    } catch (SQLException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("PostgreSQL is unreachable at " + db.host + ":" + db.port
            + " and CI=true: the DDL tests need it (" + e.getMessage() + ")", e);
      }
      unavailable = "PostgreSQL is unreachable at " + db.host + ":" + db.port + ": " + e.getMessage();
      return null;
    }
    return db;
  }

  /** A connection to the scratch database. */
  Connection connect() throws SQLException {
    return connect(NAME);
  }

  /** Empties the scratch database's public schema. */
  void reset() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("drop schema public cascade; create schema public");
    }
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
      s.execute("drop database if exists " + NAME + " with (force)");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
