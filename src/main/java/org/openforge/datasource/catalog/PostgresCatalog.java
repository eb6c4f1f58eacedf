package org.openforge.datasource.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.openforge.datasource.JdbcConfig;
import org.openforge.datasource.SqlDialect;
import org.postgresql.core.Parser;

/** PostgreSQL: catalog from pg_class/pg_attribute/pg_constraint, read-only sessions with a statement timeout. */
final class PostgresCatalog implements CatalogQueries {

  private static final Set<String> STRINGS = Set.of("varchar", "bpchar", "text", "name", "citext", "char");
  private static final Set<String> UNKNOWN_SUPPORTED = Set.of("interval", "inet", "cidr", "macaddr", "macaddr8",
      "bit", "varbit", "oid");

  @Override
  public Properties connectionProperties(JdbcConfig config, Duration statementTimeout) {
    Properties p = new Properties();
    p.setProperty("user", config.username());
    if (config.password().isPresent()) {
      p.setProperty("password", config.password().reveal());
    }
    p.setProperty("connectTimeout", "5");
    p.setProperty("loginTimeout", "5");
    p.setProperty("socketTimeout", String.valueOf(statementTimeout.toSeconds() + 30));
    p.setProperty("ApplicationName", "open-forge");
    p.setProperty("readOnly", "true");
    // the extended protocol: one Parse message per statement, which the server refuses to hold two commands
    p.setProperty("preferQueryMode", "extended");
    // literals end where the SQL check thinks they end, whatever the role or database set
    p.setProperty("options", "-c default_transaction_read_only=on -c standard_conforming_strings=on "
        + "-c statement_timeout=" + statementTimeout.toMillis());
    return p;
  }

  @Override
  public void requireOneStatement(String sql) throws SQLException {
    // pgjdbc splits text at semicolons by its own lexer and sends each part as a statement: ask that lexer
    int parts = Parser.parseJdbcSql(sql, true, true, true, false, false).size();
    if (parts != 1) {
      throw new UnsafeSqlException("the driver reads " + parts + " statements in this SQL; send exactly one");
    }
  }

  @Override
  public void beginReadOnly(Connection connection) throws SQLException {
    try (var s = connection.createStatement()) {
      s.execute("set transaction read only");
    }
  }

  @Override
  public void prepareSession(Connection connection, Duration statementTimeout) throws SQLException {
    connection.setReadOnly(true);
    try (var s = connection.createStatement()) {
      s.execute("set session characteristics as transaction read only");
      s.execute("set statement_timeout = " + statementTimeout.toMillis());
    }
  }

  @Override
  public List<String> schemas(Connection connection, JdbcConfig config) throws SQLException {
    if (!config.schemas().isEmpty()) {
      return config.schemas();
    }
    List<String> schemas = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        select nspname from pg_namespace
        where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_toast%'
          and nspname not like 'pg\\_temp%' and has_schema_privilege(oid, 'USAGE')
        order by nspname""");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        schemas.add(rs.getString(1));
      }
    }
    return schemas;
  }

  @Override
  public List<RawTable> tables(Connection connection, List<String> schemas) throws SQLException {
    List<RawTable> tables = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        select n.nspname, c.relname, c.relkind::text, c.reltuples::bigint
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition and n.nspname = any(?)
        order by 1, 2""")) {
      ps.setArray(1, array(connection, schemas));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String kind = switch (rs.getString(3)) {
            case "v" -> "view";
            case "m" -> "materialized_view";
            case "f" -> "foreign_table";
            case "p" -> "partitioned_table";
            default -> "table";
          };
          long estimate = rs.getLong(4);
          Long rows = kind.equals("view") || estimate < 0 ? null : estimate;
          tables.add(new RawTable(rs.getString(1), rs.getString(2), kind, rows));
        }
      }
    }
    return tables;
  }

  @Override
  public List<RawColumn> columns(Connection connection, List<String> schemas) throws SQLException {
    List<RawColumn> columns = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        select n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
               not a.attnotnull, et.typname, et.typcategory::text, et.typtype::text,
               case when t.typtype = 'd' then t.typtypmod else a.atttypmod end
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_type t on t.oid = a.atttypid
        join pg_type et on et.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
        where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'f')
          and not c.relispartition and n.nspname = any(?)
        order by 1, 2, a.attnum""")) {
      ps.setArray(1, array(connection, schemas));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String typname = rs.getString(6);
          String category = rs.getString(7);
          String typtype = rs.getString(8);
          int typmod = rs.getInt(9);
          NormalizedType type;
          boolean unsupported = false;
          boolean distinctable = true;
          if (category.equals("A")) {
            type = NormalizedType.UNKNOWN;
            unsupported = true;
          } else if (typtype.equals("e") || STRINGS.contains(typname)) {
            type = NormalizedType.STRING;
          } else {
            type = switch (typname) {
              case "int2", "int4", "int8" -> NormalizedType.INTEGER;
              case "numeric", "money" -> NormalizedType.DECIMAL;
              case "float4", "float8" -> NormalizedType.FLOAT;
              case "bool" -> NormalizedType.BOOLEAN;
              case "date" -> NormalizedType.DATE;
              case "timestamp", "timestamptz" -> NormalizedType.DATETIME;
              case "time", "timetz" -> NormalizedType.TIME;
              case "uuid" -> NormalizedType.UUID;
              case "json", "jsonb" -> NormalizedType.JSON;
              case "bytea" -> NormalizedType.BINARY;
              default -> NormalizedType.UNKNOWN;
            };
            unsupported = type == NormalizedType.BINARY
                || (type == NormalizedType.UNKNOWN && !UNKNOWN_SUPPORTED.contains(typname));
            distinctable = type != NormalizedType.JSON;
          }
          Integer maxLength = (typname.equals("varchar") || typname.equals("bpchar")) && typmod > 4 ? typmod - 4 : null;
          Integer precision = typname.equals("numeric") && typmod > 4 ? ((typmod - 4) >> 16) & 0xFFFF : null;
          Integer scale = typname.equals("numeric") && typmod > 4 ? (typmod - 4) & 0xFFFF : null;
          columns.add(new RawColumn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), type,
              unsupported, distinctable && !unsupported, rs.getBoolean(5), maxLength, precision, scale));
        }
      }
    }
    return columns;
  }

  @Override
  public List<RawConstraint> constraints(Connection connection, List<String> schemas) throws SQLException {
    List<RawConstraint> constraints = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        select n.nspname, cl.relname, con.conname::text, con.contype::text,
          array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
                join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord),
          fn.nspname::text, fcl.relname::text,
          array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
                join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord)
        from pg_constraint con
        join pg_class cl on cl.oid = con.conrelid
        join pg_namespace n on n.oid = cl.relnamespace
        left join pg_class fcl on fcl.oid = con.confrelid
        left join pg_namespace fn on fn.oid = fcl.relnamespace
        where con.contype in ('p', 'u', 'f') and n.nspname = any(?) and not cl.relispartition
        union all
        select n.nspname, cl.relname, ic.relname::text, 'u',
          array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality k(num, ord)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.num order by k.ord),
          null, null, null
        from pg_index i
        join pg_class ic on ic.oid = i.indexrelid
        join pg_class cl on cl.oid = i.indrelid
        join pg_namespace n on n.oid = cl.relnamespace
        where i.indisunique and not i.indisprimary and i.indpred is null and 0 <> all (i.indkey::int2[])
          and not exists (select 1 from pg_constraint c2 where c2.conindid = i.indexrelid)
          and n.nspname = any(?) and not cl.relispartition
        order by 1, 2, 3""")) {
      ps.setArray(1, array(connection, schemas));
      ps.setArray(2, array(connection, schemas));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          constraints.add(new RawConstraint(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4).charAt(0), strings(rs.getArray(5)), rs.getString(6), rs.getString(7),
              strings(rs.getArray(8))));
        }
      }
    }
    return constraints;
  }

  @Override
  public String sampleMethod() {
    return "tablesample";
  }

  /**
   * Block sampling (SYSTEM) reads only the sampled pages, where BERNOULLI visits every page of the table; below
   * 10,000 sampled rows a table has too few pages for blocks to stand for it, so those sample rows (BERNOULLI). A
   * fixed seed makes every query of one profile read the same sample.
   */
  @Override
  public String sample(SqlDialect dialect, String table, double fraction, long expectedRows) {
    String percent = String.format(Locale.ROOT, "%.6f", Math.min(100.0, Math.max(0.0001, fraction * 100)));
    return table + " tablesample " + (expectedRows >= 10_000 ? "system" : "bernoulli") + " (" + percent
        + ") repeatable (0)";
  }

  /**
   * pg_stats as ANALYZE (or autovacuum) left it: n_distinct (negative: a share of the rows) and the most common
   * values with their frequencies, scaled to {@code rows}. Statistics over inheritance children win, as the profile
   * reads the table with its children. Never runs ANALYZE: sources are read-only.
   */
  @Override
  public Map<String, ColumnStatistics> statistics(Connection connection, String schema, String table, long rows,
      int topValues, Duration timeout) throws SQLException {
    Map<String, ColumnStatistics> statistics = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        select attname::text, n_distinct, most_common_vals::text::text[], most_common_freqs
        from pg_stats where schemaname = ? and tablename = ? order by inherited""")) {
      ps.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double nDistinct = rs.getDouble(2);
          long distinct = nDistinct >= 0 ? Math.round(nDistinct) : Math.round(-nDistinct * rows);
          List<String> values = strings(rs.getArray(3));
          Array freqArray = rs.getArray(4);
          Object[] freqs = freqArray == null ? new Object[0] : (Object[]) freqArray.getArray();
          List<TopValue> top = new ArrayList<>();
          for (int i = 0; i < Math.min(topValues, Math.min(values.size(), freqs.length)); i++) {
            top.add(new TopValue(values.get(i), Math.round(((Number) freqs[i]).doubleValue() * rows)));
          }
          statistics.put(rs.getString(1), new ColumnStatistics(Math.max(distinct, values.size()), List.copyOf(top)));
        }
      }
    }
    return statistics;
  }

  private static Array array(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray());
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }
}
