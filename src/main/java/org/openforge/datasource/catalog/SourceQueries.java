package org.openforge.datasource.catalog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openforge.datasource.CsvRoots;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.SqlDialect;
import org.springframework.stereotype.Component;

/**
 * Read-only access to a source's rows for agents: one read statement with bind parameters, a row limit and a
 * timeout (JDBC sources), or the first rows of a table or CSV file (every source type). The session is read-only
 * (PostgreSQL {@code default_transaction_read_only}, MySQL/MariaDB {@code SET SESSION TRANSACTION READ ONLY}), the
 * statement runs in a transaction that is rolled back, and the statement timeout is enforced by the server.
 */
@Component
public class SourceQueries {

  /** The most rows a call may ask for. */
  public static final int MAX_ROWS = 10_000;
  /** The default timeout of a query. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final CsvRoots roots;

  public SourceQueries(CsvRoots roots) {
    this.roots = roots;
  }

  /** Runs one read statement ({@code ?} placeholders bound to {@code params}), returning at most maxRows rows. */
  public QueryResult query(DataSourceRecord source, String sql, List<?> params, int maxRows) {
    return query(source, sql, params, maxRows, DEFAULT_TIMEOUT);
  }

  /** As {@link #query(DataSourceRecord, String, List, int)} with a statement timeout of your choice. */
  public QueryResult query(DataSourceRecord source, String sql, List<?> params, int maxRows, Duration timeout) {
    if (!source.sourceType().isJdbc()) {
      throw new IllegalArgumentException("SQL queries need a postgresql, mysql or mariadb source; use sample() for "
          + "CSV sources");
    }
    String statement = ReadOnlySql.check(sql);
    int limit = limit(maxRows);
    long started = System.nanoTime();
    try (Connection connection = SourceConnections.open(source, timeout)) {
      connection.setAutoCommit(false);
      try (PreparedStatement ps = connection.prepareStatement(statement)) {
        ps.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        ps.setMaxRows(limit + 1);
        ps.setFetchSize(Math.min(limit + 1, 1000));
        List<?> values = params == null ? List.of() : params;
        for (int i = 0; i < values.size(); i++) {
          ps.setObject(i + 1, values.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          return read(rs, limit, started);
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw ErrorMessages.describe(source, e);
    }
  }

  /** The first maxRows rows of a table ({@code name} or {@code schema.name}) or CSV file (its table name). */
  public QueryResult sample(DataSourceRecord source, String table, int maxRows) {
    int limit = limit(maxRows);
    if (source.sourceType().isJdbc()) {
      SqlDialect dialect = SqlDialect.of(source.sourceType());
      int dot = table.indexOf('.');
      String from = dot < 0 ? dialect.quote(table)
          : dialect.qualified(table.substring(0, dot), table.substring(dot + 1));
      return query(source, "select * from " + from, List.of(), limit);
    }
    long started = System.nanoTime();
    Path file = CsvFiles.list(source.csv(), roots).stream()
        .filter(p -> p.getFileName().toString().replaceFirst("\\.[^.]*$", "").equals(table)).findFirst()
        .orElseThrow(() -> new SourceAccessException("no CSV file for table '" + table + "'"));
    try (CsvParser parser = new CsvParser(new InputStreamReader(Files.newInputStream(file), source.csv().encoding()),
        source.csv().delimiter())) {
      List<String> first = parser.next();
      if (first == null) {
        return new QueryResult(List.of(), List.of(), false, 0);
      }
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < first.size(); i++) {
        columns.add(source.csv().header() ? first.get(i).strip() : "column_" + (i + 1));
      }
      List<List<Object>> rows = new ArrayList<>();
      List<String> record = source.csv().header() ? parser.next() : first;
      while (record != null && rows.size() < limit) {
        rows.add(new ArrayList<>(record));
        record = parser.next();
      }
      return new QueryResult(columns, rows, record != null, (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new SourceAccessException("cannot read " + file.getFileName() + ": " + e.getMessage());
    }
  }

  private static int limit(int maxRows) {
    if (maxRows < 1 || maxRows > MAX_ROWS) {
      throw new IllegalArgumentException("maxRows must be between 1 and " + MAX_ROWS);
    }
    return maxRows;
  }

  private static QueryResult read(ResultSet rs, int limit, long started) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    while (rs.next()) {
      if (rows.size() == limit) {
        truncated = true;
        break;
      }
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= columns.size(); i++) {
        row.add(value(rs, i, meta.getColumnType(i)));
      }
      rows.add(row);
    }
    return new QueryResult(columns, rows, truncated, (System.nanoTime() - started) / 1_000_000);
  }

  private static Object value(ResultSet rs, int i, int sqlType) throws SQLException {
    Object v = switch (sqlType) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        byte[] bytes = rs.getBytes(i);
        yield bytes == null ? null : "<" + bytes.length + " bytes>";
      }
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC ->
          rs.getObject(i) == null ? null : rs.getBigDecimal(i);
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        double d = rs.getDouble(i);
        yield rs.wasNull() ? null : d;
      }
      case Types.BOOLEAN, Types.BIT -> {
        Object o = rs.getObject(i);
        yield o instanceof Boolean ? o : (o == null ? null : rs.getString(i));
      }
      default -> rs.getString(i);
    };
    return v instanceof java.math.BigDecimal d && d.scale() <= 0 && d.precision() - d.scale() < 19
        ? (Object) d.longValue() : v;
  }
}
