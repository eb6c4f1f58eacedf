package org.openforge.product.target;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Loads rows through DuckDB's appender (columnar chunks, no SQL per row). */
final class DuckDbSink implements RowSink {

  private final DuckDBAppender appender;
  private final List<LoadColumn> columns;
  private long rows;

  DuckDbSink(Connection connection, String schema, String table, List<LoadColumn> columns) throws SQLException {
    this.appender = connection.unwrap(DuckDBConnection.class).createAppender(schema, table);
    this.columns = columns;
  }

  @Override
  public void row(Object[] values) throws SQLException {
    appender.beginRow();
    for (int i = 0; i < values.length; i++) {
      append(values[i], columns.get(i));
    }
    appender.endRow();
    rows++;
  }

  private void append(Object value, LoadColumn column) throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (column.type()) {
      case BIGINT -> appender.append((Long) value);
      case DOUBLE -> appender.append((Double) value);
      case DECIMAL -> {
        if (column.precision() > 0 && column.precision() <= 38) {
          appender.append((BigDecimal) value);
        } else {
          appender.append(((BigDecimal) value).doubleValue());
        }
      }
      case BOOLEAN -> appender.append((Boolean) value);
      case DATE -> appender.append((LocalDate) value);
      case TIMESTAMP -> appender.append((LocalDateTime) value);
      case TEXT -> appender.append((String) value);
    }
  }

  @Override
  public long finish() throws SQLException {
    appender.flush();
    return rows;
  }

  @Override
  public void close() throws SQLException {
    appender.close();
  }
}
