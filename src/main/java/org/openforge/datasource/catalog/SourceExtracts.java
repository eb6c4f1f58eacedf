package org.openforge.datasource.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.openforge.datasource.CsvConfig;
import org.openforge.datasource.CsvRoots;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.SourceType;
import org.openforge.datasource.SqlDialect;

/**
 * Reads every row of a source table as a stream, for a pipeline's load: a read-only connection, a cursor with a
 * fetch size (PostgreSQL needs autocommit off for that; MariaDB streams by fetch size), so a table of any size
 * passes through in constant memory. A CSV file is read through an in-memory DuckDB ({@code read_csv}, which
 * streams the file and detects its types), so files and databases load through the same path.
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

  /**
   * @param table the table as the catalog names it: {@code schema.table} or {@code table}, for CSV the file name
   *     without its extension
   */
  public static TableRead open(DataSourceRecord source, String table, CsvRoots roots) {
    return open(source, table, roots, null, null);
  }

  /**
   * The rows whose {@code column} is above {@code after} (all rows when {@code after} is null): an incremental
   * load's new and changed rows. The value is bound, never spliced into the SQL.
   */
  public static TableRead open(DataSourceRecord source, String table, CsvRoots roots, String column, Object after) {
    if (source.sourceType() == SourceType.CSV) {
      return openCsv(source, table, roots, column, after);
    }
    SqlDialect dialect = SqlDialect.of(source.sourceType());
    int dot = table.indexOf('.');
    String from = dot < 0 ? dialect.quote(table) : dialect.qualified(table.substring(0, dot), table.substring(dot + 1));
    Connection connection = SourceConnections.open(source, LOAD_TIMEOUT);
    Statement statement = null;
    try {
      connection.setAutoCommit(false);
      java.sql.PreparedStatement query = connection.prepareStatement("select * from " + from + where(dialect::quote,
          column, after), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement = query;
      query.setFetchSize(FETCH_SIZE);
      if (after != null) {
        query.setObject(1, after);
      }
      return new TableRead(connection, statement, query.executeQuery());
    } catch (SQLException e) {
      try (Connection c = connection; Statement s = statement) {
        // closed on the way out
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw ErrorMessages.describe(source, e);
    }
  }

  private static String where(java.util.function.UnaryOperator<String> quote, String column, Object after) {
    return after == null ? "" : " where " + quote.apply(column) + " > ?";
  }

  private static TableRead openCsv(DataSourceRecord source, String table, CsvRoots roots, String column,
      Object after) {
    CsvConfig config = source.csv();
    Path file = CsvFiles.list(config, roots).stream().filter(p -> stem(p).equals(table)).findFirst()
        .orElseThrow(() -> new SourceAccessException("the source has no file for the table " + table));
    List<String> options = new ArrayList<>(List.of("header = " + config.header(),
        "delim = " + literal(String.valueOf(config.delimiter())), "encoding = " + literal(encoding(config))));
    if (!config.nullValues().isEmpty()) {
      options.add("nullstr = [" + config.nullValues().stream().map(SourceExtracts::literal)
          .collect(Collectors.joining(", ")) + "]");
    }
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      connection.setAutoCommit(false);
      java.sql.PreparedStatement query = connection.prepareStatement("select * from read_csv("
          + literal(file.toString()) + ", " + String.join(", ", options) + ")"
          + where(c -> '"' + c.replace("\"", "\"\"") + '"', column, after));
      if (after != null) {
        query.setObject(1, after);
      }
      return new TableRead(connection, query, query.executeQuery());
    } catch (SQLException e) {
      try (Connection c = connection) {
        // closed on the way out
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw new SourceAccessException("cannot read " + file.getFileName() + ": " + e.getMessage());
    }
  }

  private static String encoding(CsvConfig config) {
    String name = config.encoding().name().toLowerCase(java.util.Locale.ROOT);
    return name.equals("iso-8859-1") ? "latin-1" : name.equals("utf-16") ? "utf-16" : "utf-8";
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
