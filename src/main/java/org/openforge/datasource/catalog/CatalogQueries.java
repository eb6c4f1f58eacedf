package org.openforge.datasource.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openforge.datasource.JdbcConfig;
import org.openforge.datasource.SqlDialect;

/**
 * How a database is connected to and catalogued: connection settings, session set-up and the catalog queries. How it
 * spells SQL is its {@link org.openforge.datasource.SqlDialect}.
 */
interface CatalogQueries {

  /** A table or view as the catalog lists it, with the database's row estimate (null when unknown). */
  record RawTable(String schema, String name, String kind, Long estimatedRows) {}

  /** A column of the catalog with its mapped type. */
  record RawColumn(String schema, String table, String name, String nativeType, NormalizedType type,
      boolean unsupported, boolean distinctable, boolean nullable, Integer maxLength, Integer precision,
      Integer scale) {}

  /** A primary key (p), unique constraint or index (u) or foreign key (f). */
  record RawConstraint(String schema, String table, String name, char type, List<String> columns,
      String refSchema, String refTable, List<String> refColumns) {}

  /** Driver properties: credentials, connect/socket timeouts, read-only session. */
  Properties connectionProperties(JdbcConfig config, Duration statementTimeout);

  /** Session settings run right after connecting (read-only, statement timeout). */
  void prepareSession(Connection connection, Duration statementTimeout) throws SQLException;

  /** Refuses SQL the driver would send as more than one statement (the check's second line of defence). */
  void requireOneStatement(String sql) throws SQLException;

  /** Starts the explicitly read-only transaction an agent statement runs in (auto-commit already off). */
  void beginReadOnly(Connection connection) throws SQLException;

  /** The schemas to catalog. */
  List<String> schemas(Connection connection, JdbcConfig config) throws SQLException;

  List<RawTable> tables(Connection connection, List<String> schemas) throws SQLException;

  List<RawColumn> columns(Connection connection, List<String> schemas) throws SQLException;

  List<RawConstraint> constraints(Connection connection, List<String> schemas) throws SQLException;

  /** The name profiles give estimates computed from {@link #sample} rows. */
  default String sampleMethod() {
    return "sample";
  }

  /**
   * A FROM item reading about {@code fraction} of the rows of {@code table} (about {@code expectedRows} rows), the
   * same rows for every query of one profile where the database allows it.
   */
  default String sample(SqlDialect dialect, String table, double fraction, long expectedRows) {
    return dialect.sample(table, fraction);
  }

  /**
   * The database's own statistics of a table's columns by column name (none where it keeps none), scaled to
   * {@code rows}; at most {@code topValues} most common values each.
   */
  default Map<String, ColumnStatistics> statistics(Connection connection, String schema, String table, long rows,
      int topValues, Duration timeout) throws SQLException {
    return Map.of();
  }
}
