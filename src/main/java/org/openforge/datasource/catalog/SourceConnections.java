package org.openforge.datasource.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.JdbcConfig;
import org.openforge.datasource.SourceType;

/**
 * Opens read-only JDBC connections to PostgreSQL and MySQL/MariaDB sources: 5 s connect timeout, a server-side
 * statement timeout, read-only session, no local-file loading. Failures become {@link SourceAccessException}s with
 * redacted messages.
 */
public final class SourceConnections {

  /** The connect timeout of every source connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private SourceConnections() {}

  /** A read-only connection whose statements stop after {@code statementTimeout}; the caller closes it. */
  public static Connection open(DataSourceRecord source, Duration statementTimeout) {
    JdbcConfig config = source.jdbc();
    CatalogQueries catalog = catalog(source.sourceType());
    Connection connection = null;
    try {
      connection = DriverManager.getConnection(config.driverUrl(source.sourceType()),
          catalog.connectionProperties(config, statementTimeout));
      catalog.prepareSession(connection, statementTimeout);
      return connection;
    } catch (SQLException e) {
      closeAfterFailure(connection, e);
      throw ErrorMessages.describe(source, e);
    }
  }

  static CatalogQueries catalog(SourceType type) {
    return switch (type) {
      case POSTGRESQL -> new PostgresCatalog();
      case MYSQL, MARIADB -> new MariaDbCatalog();
      case CSV -> throw new IllegalArgumentException("CSV sources have no JDBC catalog");
    };
  }

  /** "PostgreSQL 15.20" or "MariaDB 10.11.19-MariaDB-...". */
  static String serverVersion(Connection connection) throws SQLException {
    var meta = connection.getMetaData();
    String version = meta.getDatabaseProductVersion();
    String product = version.toLowerCase().contains("mariadb") ? "MariaDB" : meta.getDatabaseProductName();
    return product + " " + version;
  }

  private static void closeAfterFailure(Connection connection, SQLException failure) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException closing) {
        failure.addSuppressed(closing);
      }
    }
  }
}
