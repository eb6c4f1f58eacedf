package org.openforge.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the test database from the system property {@code openforge.test.db} ({@code h2} or {@code postgres}, set
 * by the two surefire executions). For PostgreSQL it recreates the test database once per JVM; if PostgreSQL is
 * unreachable the run fails (it never silently skips).
 */
public class TestProfiles implements ActiveProfilesResolver {

  private static volatile boolean prepared;

  @Override
  public String[] resolve(Class<?> testClass) {
    if (!isPostgres()) {
      return new String[] {"test"};
    }
    preparePostgres();
    return new String[] {"test", "postgres", "test-postgres"};
  }

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("openforge.test.db", "h2"));
  }

  static synchronized void preparePostgres() {
    if (prepared) {
      return;
    }
    String host = env("POSTGRES_HOST", "127.0.0.1");
    String port = env("POSTGRES_PORT", "5432");
    String database = env("OPENFORGE_TEST_DB", "openforge_test");
    String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(url, env("POSTGRES_USER", "postgres"), env("POSTGRES_PASSWORD", ""));
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
      s.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is unreachable at " + url + " (" + e.getMessage() + "): the "
          + "PostgreSQL test run needs it" + ("true".equals(System.getenv("CI")) ? " (CI=true)" : "")
          + ". Start it, or run only the H2 suite with -Dpostgres.tests.skip=true", e);
    }
    prepared = true;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
