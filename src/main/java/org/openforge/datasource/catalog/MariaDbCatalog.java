package org.openforge.datasource.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.mariadb.jdbc.util.ClientParser;
import org.openforge.datasource.JdbcConfig;
import org.openforge.datasource.SqlDialect;

/** MySQL and MariaDB over the MariaDB driver: catalog from information_schema, read-only sessions. */
final class MariaDbCatalog implements CatalogQueries {

  private static final Set<String> STRINGS = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
      "enum", "set");
  private static final Set<String> BINARIES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
      "longblob");

  @Override
  public Properties connectionProperties(JdbcConfig config, Duration statementTimeout) {
    Properties p = new Properties();
    p.setProperty("user", config.username());
    if (config.password().isPresent()) {
      p.setProperty("password", config.password().reveal());
    }
    p.setProperty("connectTimeout", "5000");
    p.setProperty("socketTimeout", String.valueOf(statementTimeout.toMillis() + 30_000));
    p.setProperty("allowLocalInfile", "false");
    // without the multi-statement capability the server refuses a second statement in one query
    p.setProperty("allowMultiQueries", "false");
    p.setProperty("permitMysqlScheme", "false");
    return p;
  }

  @Override
  public void prepareSession(Connection connection, Duration statementTimeout) throws SQLException {
    boolean mariadb = connection.getMetaData().getDatabaseProductVersion().toLowerCase().contains("mariadb");
    try (Statement s = connection.createStatement()) {
      s.execute("set session transaction read only");
      if (mariadb) {
        s.execute("set session max_statement_time = " + Math.max(1, statementTimeout.toSeconds()));
      } else {
        s.execute("set session max_execution_time = " + statementTimeout.toMillis());
      }
    }
    connection.setReadOnly(true);
  }

  @Override
  public void requireOneStatement(String sql) {
    // the server refuses a second statement anyway (allowMultiQueries=false); the driver's lexer says it first
    if (ClientParser.parameterParts(sql, false).isMultiQuery()) {
      throw new UnsafeSqlException("the driver reads more than one statement in this SQL; send exactly one");
    }
  }

  @Override
  public void beginReadOnly(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("start transaction read only");
    }
  }

  @Override
  public List<String> schemas(Connection connection, JdbcConfig config) {
    return config.schemas().isEmpty() ? List.of(config.database()) : config.schemas();
  }

  @Override
  public List<RawTable> tables(Connection connection, List<String> schemas) throws SQLException {
    List<RawTable> tables = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "select table_schema, table_name, table_type, table_rows from information_schema.tables "
            + "where table_schema in (" + SqlDialect.placeholders(schemas.size()) + ") "
            + "and table_type in ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED') order by 1, 2")) {
      bind(ps, schemas, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String kind = rs.getString(3).equals("VIEW") ? "view" : "table";
          long estimate = rs.getLong(4);
          tables.add(new RawTable(rs.getString(1), rs.getString(2), kind, rs.wasNull() ? null : estimate));
        }
      }
    }
    return tables;
  }

  @Override
  public List<RawColumn> columns(Connection connection, List<String> schemas) throws SQLException {
    List<RawColumn> columns = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "select table_schema, table_name, column_name, column_type, data_type, is_nullable, "
            + "character_maximum_length, numeric_precision, numeric_scale from information_schema.columns "
            + "where table_schema in (" + SqlDialect.placeholders(schemas.size()) + ") "
            + "order by table_schema, table_name, ordinal_position")) {
      bind(ps, schemas, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String columnType = rs.getString(4).toLowerCase();
          String dataType = rs.getString(5).toLowerCase();
          NormalizedType type;
          boolean unsupported = false;
          if (dataType.equals("tinyint") && columnType.startsWith("tinyint(1)")) {
            type = NormalizedType.BOOLEAN;
          } else if (STRINGS.contains(dataType)) {
            type = NormalizedType.STRING;
          } else if (BINARIES.contains(dataType)) {
            type = NormalizedType.BINARY;
            unsupported = true;
          } else {
            type = switch (dataType) {
              case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year" -> NormalizedType.INTEGER;
              case "decimal", "numeric" -> NormalizedType.DECIMAL;
              case "float", "double", "real" -> NormalizedType.FLOAT;
              case "date" -> NormalizedType.DATE;
              case "datetime", "timestamp" -> NormalizedType.DATETIME;
              case "time" -> NormalizedType.TIME;
              case "json" -> NormalizedType.JSON;
              case "uuid" -> NormalizedType.UUID;
              default -> NormalizedType.UNKNOWN;
            };
            unsupported = type == NormalizedType.UNKNOWN && !dataType.equals("inet4") && !dataType.equals("inet6");
          }
          Integer maxLength = type == NormalizedType.STRING || type == NormalizedType.BINARY
              ? clampInt(rs.getLong(7), rs.wasNull()) : null;
          Integer precision = type == NormalizedType.DECIMAL ? clampInt(rs.getLong(8), rs.wasNull()) : null;
          Integer scale = type == NormalizedType.DECIMAL ? clampInt(rs.getLong(9), rs.wasNull()) : null;
          columns.add(new RawColumn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), type,
              unsupported, !unsupported && type != NormalizedType.JSON, "YES".equals(rs.getString(6)), maxLength,
              precision, scale));
        }
      }
    }
    return columns;
  }

  @Override
  public List<RawConstraint> constraints(Connection connection, List<String> schemas) throws SQLException {
    Map<String, RawConstraint> byKey = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "select tc.table_schema, tc.table_name, tc.constraint_name, tc.constraint_type, k.column_name, "
            + "k.referenced_table_schema, k.referenced_table_name, k.referenced_column_name "
            + "from information_schema.table_constraints tc join information_schema.key_column_usage k "
            + "on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name "
            + "and k.table_schema = tc.table_schema and k.table_name = tc.table_name "
            + "where tc.table_schema in (" + SqlDialect.placeholders(schemas.size()) + ") "
            + "and tc.constraint_type in ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') "
            + "order by tc.table_schema, tc.table_name, tc.constraint_name, k.ordinal_position")) {
      bind(ps, schemas, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          char type = switch (rs.getString(4)) {
            case "PRIMARY KEY" -> 'p';
            case "UNIQUE" -> 'u';
            default -> 'f';
          };
          String key = rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3) + "\u0000" + type;
          RawConstraint c = byKey.get(key);
          if (c == null) {
            c = new RawConstraint(rs.getString(1), rs.getString(2), rs.getString(3), type, new ArrayList<>(),
                rs.getString(6), rs.getString(7), new ArrayList<>());
            byKey.put(key, c);
          }
          c.columns().add(rs.getString(5));
          if (type == 'f') {
            c.refColumns().add(rs.getString(8));
          }
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  private static void bind(PreparedStatement ps, List<String> values, int first) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(first + i, values.get(i));
    }
  }

  private static Integer clampInt(long value, boolean wasNull) {
    return wasNull ? null : (int) Math.min(Integer.MAX_VALUE, value);
  }
}
