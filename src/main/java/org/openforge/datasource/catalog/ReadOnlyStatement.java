package org.openforge.datasource.catalog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openforge.datasource.DataSourceRecord;

/**
 * Runs one statement on a source connection the way every agent query runs, whatever checked it before: the driver
 * must send it as one statement (PostgreSQL: one extended-protocol Parse, which the server refuses to split;
 * MySQL/MariaDB: no multi-statement flag), inside an explicitly read-only transaction that is always rolled back,
 * with a statement timeout and a row limit.
 */
public final class ReadOnlyStatement {

  private ReadOnlyStatement() {}

  /** At most {@code limit} rows of {@code statement} ({@code ?} bound to {@code params}). */
  public static QueryResult run(DataSourceRecord source, Connection connection, String statement, List<?> params,
      int limit, Duration timeout) {
    long started = System.nanoTime();
    CatalogQueries dialect = SourceConnections.catalog(source.sourceType());
    try {
      dialect.requireOneStatement(statement);
      connection.setAutoCommit(false);
      try {
        dialect.beginReadOnly(connection);
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
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw ErrorMessages.describe(source, e);
    }
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
    return v instanceof BigDecimal d && d.scale() <= 0 && d.precision() - d.scale() < 19 ? (Object) d.longValue() : v;
  }
}
