package org.openforge.product.pipeline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.openforge.datasource.catalog.SourceExtracts.TableRead;
import org.openforge.product.pipeline.PipelinePlan.Incremental;
import org.openforge.product.pipeline.PipelinePlan.SourceTable;
import org.openforge.product.target.BulkLoader;
import org.openforge.product.target.Publisher;
import org.openforge.product.target.TableLoad;
import org.openforge.product.target.AnalyticalTarget;
import org.openforge.product.target.TargetKind;

/**
 * Loads one table into a run's version: in full, or incrementally from the live version — its rows are copied
 * inside the target, then only the source rows past its high-water mark are read (appended, or upserted on the
 * table's key). Without a live version, or without rows in it, the load is full.
 */
final class IncrementalLoads {

  /** Opens the source read: every row when {@code after} is null, else those with {@code column > after}. */
  interface Reader {
    TableRead open(String column, Object after);
  }

  private IncrementalLoads() {}

  /** @return rows read from the source and rows in the loaded table */
  static long[] load(SourceTable table, AnalyticalTarget target, Connection connection, String schema, Reader reader)
      throws SQLException {
    Incremental incremental = table.incremental();
    OptionalInt live = incremental == null ? OptionalInt.empty() : Publisher.liveVersion(target, connection);
    TargetKind kind = target.kind();
    String into = kind.qualified(schema, table.name());
    if (live.isEmpty() || !exists(connection, target.versionSchema(live.getAsInt()), table.name())) {
      return full(table, target, connection, schema, reader);
    }
    try (Statement s = connection.createStatement()) {
      s.execute("create schema if not exists " + kind.quote(schema));
      s.execute("drop table if exists " + into);
      s.execute("create table " + into + " as select * from "
          + kind.qualified(target.versionSchema(live.getAsInt()), table.name()));
      Object mark = single(s, "select max(" + kind.quote(incremental.column()) + ") from " + into);
      if (mark == null) {
        return full(table, target, connection, schema, reader);
      }
      TableLoad delta;
      try (TableRead read = reader.open(incremental.column(), mark)) {
        if (Incremental.UPSERT.equals(incremental.mode())) {
          String changes = table.name() + "__changes";
          delta = BulkLoader.load(read.rows(), target, connection, schema, changes);
          String match = incremental.key().stream().map(k -> "c." + kind.quote(k) + " = t." + kind.quote(k))
              .collect(Collectors.joining(" and "));
          String changed = kind.qualified(schema, changes);
          s.execute("delete from " + into + " t where exists (select 1 from " + changed + " c where " + match + ")");
          s.execute("insert into " + into + " select * from " + changed);
          s.execute("drop table " + changed);
        } else {
          delta = BulkLoader.append(read.rows(), target, connection, schema, table.name());
        }
      }
      return new long[] {delta.rowsRead(), ((Number) single(s, "select count(*) from " + into)).longValue()};
    }
  }

  private static long[] full(SourceTable table, AnalyticalTarget target, Connection connection, String schema, Reader reader)
      throws SQLException {
    try (TableRead read = reader.open(null, null)) {
      TableLoad load = BulkLoader.load(read.rows(), target, connection, schema, table.name());
      return new long[] {load.rowsRead(), load.rowsWritten()};
    }
  }

  private static boolean exists(Connection connection, String schema, String table) throws SQLException {
    try (var query = connection.prepareStatement(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?")) {
      query.setString(1, schema);
      query.setString(2, table);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static Object single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }
}
