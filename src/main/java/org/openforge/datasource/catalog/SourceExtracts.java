package org.openforge.datasource.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.openforge.datasource.DataSourceRecord;

/**
 * Reads every row of a source table as a stream, for a pipeline's load: a read-only connection, a cursor with a
 * fetch size (PostgreSQL needs autocommit off for that; MariaDB streams by fetch size), so a table of any size
 * passes through in constant memory.
 */
public final class SourceExtracts {

  public static final int FETCH_SIZE = 10_000;
  /** A full load may take long; it still ends. */
  public static final Duration LOAD_TIMEOUT = Duration.ofHours(2);

  private SourceExtracts() {}

  /** An open table read; closing it closes the cursor and the connection. */
  public record TableRead(Connection connection, Statement statement, ResultSet rows) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      try (connection; statement; rows) {
        connection.rollback();
      }
    }
  }

  /** @param table the table as the catalog names it, {@code schema.table} or {@code table} */
  public static TableRead open(DataSourceRecord source, String table) {
    Dialect dialect = SourceConnections.dialect(source.sourceType());
    int dot = table.indexOf('.');
    String from = dot < 0 ? dialect.quote(table) : dialect.qualified(table.substring(0, dot), table.substring(dot + 1));
    Connection connection = SourceConnections.open(source, LOAD_TIMEOUT);
    Statement statement = null;
    try {
      connection.setAutoCommit(false);
      statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_SIZE);
      return new TableRead(connection, statement, statement.executeQuery("select * from " + from));
    } catch (SQLException e) {
      try (Connection c = connection; Statement s = statement) {
        // closed on the way out
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw ErrorMessages.describe(source, e);
    }
  }
}
