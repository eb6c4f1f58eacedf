package org.openforge.product.target;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Streams the rows of a source query into a new table of a target, through the target's bulk path (DuckDB's
 * appender, PostgreSQL's COPY), never one INSERT per row. The caller reads the source with a fetch size, so a
 * table of any size passes through in constant memory. The table is created anew: a rerun replaces, never
 * duplicates. The caller owns the target transaction.
 */
public final class BulkLoader {

  private BulkLoader() {}

  public static TableLoad load(ResultSet rows, AnalyticalTarget target, Connection connection, String schema, String table)
      throws SQLException {
    createTable(target.kind(), connection, schema, table, LoadColumn.of(rows.getMetaData()));
    return append(rows, target, connection, schema, table);
  }

  /** Streams the rows into an existing table with the same columns (an incremental load's new rows). */
  public static TableLoad append(ResultSet rows, AnalyticalTarget target, Connection connection, String schema, String table)
      throws SQLException {
    long started = System.nanoTime();
    List<LoadColumn> columns = LoadColumn.of(rows.getMetaData());
    long read = 0;
    long written;
    try (RowSink sink = sink(target.kind(), connection, schema, table, columns)) {
      Object[] values = new Object[columns.size()];
      // COPY parses text itself (and names the column and line of a value it cannot take): the source's text
      // form goes through unconverted; DuckDB's appender takes typed values
      boolean asText = target.kind() == TargetKind.POSTGRESQL;
      while (rows.next()) {
        read++;
        for (int i = 0; i < values.length; i++) {
          values[i] = asText ? rows.getString(i + 1) : Values.convert(rows.getObject(i + 1), columns.get(i));
        }
        sink.row(values);
      }
      written = sink.finish();
    }
    return new TableLoad(table, read, written, (System.nanoTime() - started) / 1e9);
  }

  static void createTable(TargetKind kind, Connection connection, String schema, String table,
      List<LoadColumn> columns) throws SQLException {
    String qualified = kind.qualified(schema, table);
    String definition = columns.stream().map(c -> kind.quote(c.name()) + " " + kind.typeName(c))
        .collect(Collectors.joining(", "));
    try (Statement s = connection.createStatement()) {
      s.execute("create schema if not exists " + kind.quote(schema));
      s.execute("drop table if exists " + qualified);
      s.execute("create table " + qualified + " (" + definition + ")");
    }
  }

  private static RowSink sink(TargetKind kind, Connection connection, String schema, String table,
      List<LoadColumn> columns) throws SQLException {
    return switch (kind) {
      case DUCKDB -> new DuckDbSink(connection, schema, table, columns);
      case POSTGRESQL -> new PostgresCopySink(connection, kind.qualified(schema, table), columns, kind);
    };
  }
}
