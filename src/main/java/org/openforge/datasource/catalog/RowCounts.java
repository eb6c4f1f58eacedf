package org.openforge.datasource.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.SqlDialect;

/**
 * Exact row counts of the tables at most {@link ProfileOptions#exactMaxRows()} rows large (by the database's
 * estimate), in few round trips: tables with a known estimate are counted up to {@value #BATCH_TABLES} at a time in
 * one {@code union all} statement, no batch counting more than {@code exactMaxRows} estimated rows in all (so a batch
 * takes about as long as one table at the limit); tables of unknown size (views, never analysed) one at a time. A
 * batch that fails is counted again table by table, so a table that cannot be read gets its own warning.
 */
final class RowCounts {

  static final int BATCH_TABLES = 100;

  private RowCounts() {}

  static Map<CatalogQueries.RawTable, Long> count(DataSourceRecord source, Connection connection,
      List<CatalogQueries.RawTable> tables, ProfileOptions options, List<String> warnings) {
    Map<CatalogQueries.RawTable, Long> counts = new HashMap<>();
    if (options.exactMaxRows() < 0) {
      return counts;
    }
    SqlDialect dialect = SqlDialect.of(source.sourceType());
    List<CatalogQueries.RawTable> batch = new ArrayList<>();
    long batchRows = 0;
    for (CatalogQueries.RawTable t : tables) {
      Long estimate = t.estimatedRows();
      if (estimate == null) {
        countEach(source, connection, dialect, List.of(t), options, warnings, counts);
      } else if (estimate <= options.exactMaxRows()) {
        if (!batch.isEmpty() && (batch.size() >= BATCH_TABLES || batchRows + estimate > options.exactMaxRows())) {
          countBatch(source, connection, dialect, batch, options, warnings, counts);
          batch = new ArrayList<>();
          batchRows = 0;
        }
        batch.add(t);
        batchRows += estimate;
      }
    }
    if (!batch.isEmpty()) {
      countBatch(source, connection, dialect, batch, options, warnings, counts);
    }
    return counts;
  }

  private static void countBatch(DataSourceRecord source, Connection connection, SqlDialect dialect,
      List<CatalogQueries.RawTable> batch, ProfileOptions options, List<String> warnings,
      Map<CatalogQueries.RawTable, Long> counts) {
    if (batch.size() == 1) {
      countEach(source, connection, dialect, batch, options, warnings, counts);
      return;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      parts.add("select " + i + ", count(*) from " + dialect.qualified(batch.get(i).schema(), batch.get(i).name()));
    }
    try (Statement s = statement(connection, options);
        ResultSet rs = s.executeQuery(String.join(" union all ", parts))) {
      while (rs.next()) {
        counts.put(batch.get(rs.getInt(1)), rs.getLong(2));
      }
    } catch (SQLException e) {
      countEach(source, connection, dialect, batch, options, warnings, counts);
    }
  }

  private static void countEach(DataSourceRecord source, Connection connection, SqlDialect dialect,
      List<CatalogQueries.RawTable> tables, ProfileOptions options, List<String> warnings,
      Map<CatalogQueries.RawTable, Long> counts) {
    for (CatalogQueries.RawTable t : tables) {
      try (Statement s = statement(connection, options);
          ResultSet rs = s.executeQuery("select count(*) from " + dialect.qualified(t.schema(), t.name()))) {
        rs.next();
        counts.put(t, rs.getLong(1));
      } catch (SQLException e) {
        warnings.add("cannot count the rows of " + t.schema() + "." + t.name() + ": "
            + ErrorMessages.describe(source, e).getMessage());
      }
    }
  }

  private static Statement statement(Connection connection, ProfileOptions options) throws SQLException {
    Statement s = connection.createStatement();
    s.setQueryTimeout((int) Math.max(1, options.statementTimeout().toSeconds()));
    return s;
  }
}
