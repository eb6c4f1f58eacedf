package org.openforge.datasource.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openforge.datasource.SqlDialect;

/**
 * Profiles one table inside the database: one aggregate query per 40 columns (count, nulls, distincts, min/max,
 * lengths, pattern counts), one top-values query per column that has repeated values, one orphan count (and one
 * example query) per foreign key; for tables above {@link ProfileOptions#exactMaxRows()} one frequency query per
 * column on a sample for the distinct estimate. Rows never travel to Java beyond these aggregates.
 */
final class JdbcProfiler {

  private static final int COLUMNS_PER_QUERY = 40;

  private final Connection connection;
  private final SqlDialect dialect;
  private final ProfileOptions options;

  JdbcProfiler(Connection connection, SqlDialect dialect, ProfileOptions options) {
    this.connection = connection;
    this.dialect = dialect;
    this.options = options;
  }

  TableInfo profile(TableInfo table) throws SQLException {
    String from = dialect.qualified(table.schema(), table.name());
    boolean exact = table.rowCount() == null || table.rowCount() <= options.exactMaxRows();
    Map<String, Measured> measured = new LinkedHashMap<>();
    long rows = 0;
    List<ColumnInfo> columns = table.columns();
    for (int start = 0; start < columns.size() || start == 0; start += COLUMNS_PER_QUERY) {
      List<ColumnInfo> chunk = columns.subList(start, Math.min(columns.size(), start + COLUMNS_PER_QUERY));
      rows = aggregate(from, chunk, exact, measured);
      if (columns.isEmpty()) {
        break;
      }
    }
    QualityBuilder quality = new QualityBuilder(rows);
    List<ColumnFacts> facts = new ArrayList<>();
    for (ColumnInfo c : columns) {
      Measured m = measured.get(c.name());
      Long distinct = m.distinct;
      boolean approximate = false;
      if (!exact && distinctable(c) && m.nonNull > 0) {
        distinct = estimateDistinct(from, c, m.nonNull, table.rowCount());
        approximate = true;
      }
      List<TopValue> top = List.of();
      if (options.topValues() > 0 && distinctable(c) && m.nonNull > 0 && (distinct == null || distinct < m.nonNull
          || approximate)) {
        top = topValues(from, c);
      }
      facts.add(new ColumnFacts(c, table.name(), rows, m.nonNull, distinct, approximate, m.min, m.max, m.avgLength,
          top, m.patterns, Profiles.declaredKey(table, c.name()), Profiles.references(table, c.name())));
    }
    for (ForeignKey fk : table.foreignKeys()) {
      orphans(from, fk, quality);
    }
    return Profiles.finish(table, rows, facts, quality, options.maxExamples());
  }

  private static boolean distinctable(ColumnInfo c) {
    return !c.unsupported() && c.normalizedType() != NormalizedType.JSON;
  }

  /** What the aggregate query measured about a column. */
  private static final class Measured {
    long nonNull;
    Long distinct;
    Object min;
    Object max;
    Double avgLength;
    Map<ValuePattern, Long> patterns;
  }

  private long aggregate(String from, List<ColumnInfo> chunk, boolean exact, Map<String, Measured> measured)
      throws SQLException {
    StringBuilder sql = new StringBuilder("select count(*)");
    List<String> params = new ArrayList<>();
    for (ColumnInfo c : chunk) {
      String q = dialect.quote(c.name());
      sql.append(", count(").append(q).append(')');
      if (distinctable(c) && exact) {
        sql.append(", count(distinct ").append(q).append(')');
      }
      if (!c.unsupported() && c.normalizedType().ordered()) {
        sql.append(", min(").append(q).append("), max(").append(q).append(')');
      }
      if (!c.unsupported() && c.normalizedType() == NormalizedType.STRING) {
        sql.append(", avg(").append(dialect.length(q)).append(')');
        for (ValuePattern p : ValuePattern.values()) {
          sql.append(", sum(case when ").append(dialect.matchesAsStored(q)).append(" then 1 else 0 end)");
          params.add(p.regex());
        }
      }
    }
    sql.append(" from ").append(from);
    try (PreparedStatement ps = prepare(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setString(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int i = 1;
        long rows = rs.getLong(i++);
        for (ColumnInfo c : chunk) {
          Measured m = new Measured();
          m.nonNull = rs.getLong(i++);
          if (distinctable(c) && exact) {
            m.distinct = rs.getLong(i++);
          }
          if (!c.unsupported() && c.normalizedType().ordered()) {
            m.min = value(rs, i++, c.normalizedType());
            m.max = value(rs, i++, c.normalizedType());
          }
          if (!c.unsupported() && c.normalizedType() == NormalizedType.STRING) {
            double avg = rs.getDouble(i++);
            m.avgLength = rs.wasNull() ? null : avg;
            m.patterns = new EnumMap<>(ValuePattern.class);
            for (ValuePattern p : ValuePattern.values()) {
              m.patterns.put(p, rs.getLong(i++));
            }
          }
          measured.put(c.name(), m);
        }
        return rows;
      }
    }
  }

  /**
   * The GEE estimator (Charikar et al. 2000) over a sample of about {@code sampleRows} rows:
   * D = sqrt(N/n)·f1 + Σ_{j≥2} f_j, where f_j is the number of values seen j times in the sample (null when the
   * sample came back empty).
   */
  private Long estimateDistinct(String from, ColumnInfo c, long nonNull, long tableRows) throws SQLException {
    double fraction = Math.min(1.0, (double) options.sampleRows() / Math.max(1, tableRows));
    String q = dialect.quote(c.name());
    String sql = "select cnt, count(*) from (select " + q + " as v, count(*) as cnt from "
        + dialect.sample(from, fraction) + " where " + q + " is not null group by " + q + ") g group by cnt";
    long sampled = 0;
    long singles = 0;
    long repeated = 0;
    try (PreparedStatement ps = prepare(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long times = rs.getLong(1);
        long values = rs.getLong(2);
        sampled += times * values;
        if (times == 1) {
          singles += values;
        } else {
          repeated += values;
        }
      }
    }
    if (sampled == 0) {
      return null;
    }
    double estimate = Math.sqrt((double) nonNull / sampled) * singles + repeated;
    return Math.max(singles + repeated, Math.min(nonNull, Math.round(estimate)));
  }

  private List<TopValue> topValues(String from, ColumnInfo c) throws SQLException {
    String q = dialect.quote(c.name());
    String sql = "select " + q + ", count(*) from " + from + " where " + q + " is not null group by " + q
        + " order by 2 desc, 1 limit " + options.topValues();
    List<TopValue> top = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        top.add(new TopValue(text(rs, 1, c.normalizedType()), rs.getLong(2)));
      }
    }
    return top;
  }

  private void orphans(String from, ForeignKey fk, QualityBuilder quality) throws SQLException {
    String parent = dialect.qualified(fk.referencedSchema(), fk.referencedTable());
    String notNull = fk.columns().stream().map(col -> "c." + dialect.quote(col) + " is not null")
        .collect(Collectors.joining(" and "));
    List<String> joins = new ArrayList<>();
    for (int i = 0; i < fk.columns().size(); i++) {
      joins.add("p." + dialect.quote(fk.referencedColumns().get(i)) + " = c." + dialect.quote(fk.columns().get(i)));
    }
    String where = " where " + notNull + " and not exists (select 1 from " + parent + " p where "
        + String.join(" and ", joins) + ")";
    long count;
    try (PreparedStatement ps = prepare("select count(*) from " + from + " c" + where);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      count = rs.getLong(1);
    }
    if (count == 0) {
      return;
    }
    String cols = fk.columns().stream().map(col -> "c." + dialect.quote(col)).collect(Collectors.joining(", "));
    List<String> examples = new ArrayList<>();
    try (PreparedStatement ps = prepare("select distinct " + cols + " from " + from + " c" + where + " order by "
        + cols + " limit " + options.maxExamples()); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= fk.columns().size(); i++) {
          parts.add(rs.getString(i));
        }
        examples.add(String.join(", ", parts));
      }
    }
    quality.orphans(fk, count, examples);
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    ps.setQueryTimeout((int) Math.max(1, options.statementTimeout().toSeconds()));
    return ps;
  }

  private static Object value(ResultSet rs, int index, NormalizedType type) throws SQLException {
    switch (type) {
      case INTEGER -> {
        BigDecimal d = rs.getBigDecimal(index);
        if (d == null) {
          return null;
        }
        BigInteger i = d.toBigInteger();
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
      }
      case DECIMAL -> {
        return rs.getBigDecimal(index);
      }
      case FLOAT -> {
        double d = rs.getDouble(index);
        return rs.wasNull() ? null : d;
      }
      default -> {
        return rs.getString(index);
      }
    }
  }

  private static String text(ResultSet rs, int index, NormalizedType type) throws SQLException {
    if (type == NormalizedType.BOOLEAN) {
      boolean b = rs.getBoolean(index);
      return rs.wasNull() ? null : String.valueOf(b);
    }
    return rs.getString(index);
  }
}
