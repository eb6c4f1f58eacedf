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
 * Profiles one table inside the database. Up to {@link ProfileOptions#exactMaxRows()} rows everything is exact: one
 * aggregate query per 40 columns (count, nulls, distincts, min/max, lengths, pattern counts), one top-values query per
 * column that has repeated values. Above, the table is read once: the aggregate keeps count, nulls, min and max (one
 * scan, exact); distinct counts and top values come from the database's own statistics (pg_stats) or, where it has
 * none, from a row sample, and string lengths and pattern shares from that sample; each such field is named in the
 * profile's {@code estimates} with its method. Either way one orphan count (and one example query) per foreign key.
 * Rows never travel to Java beyond these aggregates.
 */
final class JdbcProfiler {

  private static final int COLUMNS_PER_QUERY = 40;
  /**
   * Rows sampled for string lengths and pattern shares of large tables: enough for a share within about ±1% (the
   * semantic types decide at 50-95%), while eight regular expressions per text value over every row would cost
   * many times the scan itself.
   */
  private static final int TEXT_SAMPLE_ROWS = 20_000;

  private final Connection connection;
  private final SqlDialect dialect;
  private final CatalogQueries catalog;
  private final ProfileOptions options;

  JdbcProfiler(Connection connection, SqlDialect dialect, CatalogQueries catalog, ProfileOptions options) {
    this.connection = connection;
    this.dialect = dialect;
    this.catalog = catalog;
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
    SampleEstimates sample = null;
    Map<String, ColumnStatistics> statistics = Map.of();
    if (!exact && rows > 0) {
      sample = sample(from, rows, options.sampleRows());
      SampleEstimates texts = sample(from, rows, Math.min(options.sampleRows(), TEXT_SAMPLE_ROWS));
      for (int start = 0; start < columns.size(); start += COLUMNS_PER_QUERY) {
        texts.strings(columns.subList(start, Math.min(columns.size(), start + COLUMNS_PER_QUERY)), measured);
      }
      statistics = catalog.statistics(connection, table.schema(), table.name(), rows, options.topValues(),
          options.statementTimeout());
    }
    QualityBuilder quality = new QualityBuilder(rows);
    List<ColumnFacts> facts = new ArrayList<>();
    for (ColumnInfo c : columns) {
      Measured m = measured.get(c.name());
      Long distinct = m.distinct;
      boolean approximate = false;
      List<TopValue> top = List.of();
      Map<String, String> estimates = new LinkedHashMap<>();
      if (exact) {
        if (options.topValues() > 0 && distinctable(c) && m.nonNull > 0 && (distinct == null || distinct < m.nonNull)) {
          top = topValues(from, c);
        }
      } else if (distinctable(c) && m.nonNull > 0) {
        ColumnStatistics s = statistics.get(c.name());
        String method = s != null ? "pg_stats" : catalog.sampleMethod();
        if (s != null) {
          distinct = Math.max(1, Math.min(m.nonNull, s.distinct()));
          top = s.top().stream().map(t -> new TopValue(display(t.value(), c), t.count())).toList();
        } else {
          SampleEstimates.Estimate e = sample.estimate(c, m.nonNull, options.topValues());
          distinct = e.distinct();
          top = e.top();
        }
        approximate = true;
        estimates.put("distinct_count", method);
        if (options.topValues() > 0) {
          estimates.put("top_values", method);
        }
      }
      if (!exact && m.avgLength != null) {
        estimates.put("avg_length", catalog.sampleMethod());
      }
      facts.add(new ColumnFacts(c, table.name(), rows, m.nonNull, distinct, approximate, m.min, m.max, m.avgLength,
          top, m.patterns, m.patternBase, Profiles.declaredKey(table, c.name()),
          Profiles.references(table, c.name()), estimates));
    }
    for (ForeignKey fk : table.foreignKeys()) {
      orphans(from, fk, quality);
    }
    return Profiles.finish(table, rows, facts, quality, options.maxExamples());
  }

  private SampleEstimates sample(String from, long rows, int sampleRows) {
    double fraction = Math.min(1.0, (double) sampleRows / rows);
    return new SampleEstimates(this, dialect, catalog.sample(dialect, from, fraction, Math.round(rows * fraction)));
  }

  /** Statistics spell booleans t/f; the profile spells them as the exact path does. */
  private static String display(String value, ColumnInfo c) {
    if (c.normalizedType() == NormalizedType.BOOLEAN) {
      return "t".equals(value) ? "true" : "f".equals(value) ? "false" : value;
    }
    return value;
  }

  static boolean distinctable(ColumnInfo c) {
    return !c.unsupported() && c.normalizedType() != NormalizedType.JSON;
  }

  /** What the aggregate query measured about a column. */
  static final class Measured {
    long nonNull;
    Long distinct;
    Object min;
    Object max;
    Double avgLength;
    Map<ValuePattern, Long> patterns;
    long patternBase;
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
      if (exact && profilesText(c)) {
        appendTextMeasures(sql, params, q);
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
          m.patternBase = m.nonNull;
          if (distinctable(c) && exact) {
            m.distinct = rs.getLong(i++);
          }
          if (!c.unsupported() && c.normalizedType().ordered()) {
            m.min = value(rs, i++, c.normalizedType());
            m.max = value(rs, i++, c.normalizedType());
          }
          if (exact && profilesText(c)) {
            i = readTextMeasures(rs, i, m);
          }
          measured.put(c.name(), m);
        }
        return rows;
      }
    }
  }

  /** Whether string lengths and value patterns are measured for this column. */
  static boolean profilesText(ColumnInfo c) {
    return !c.unsupported() && c.normalizedType() == NormalizedType.STRING;
  }

  /** Average length and one count per {@link ValuePattern}, each pattern bound as a parameter. */
  void appendTextMeasures(StringBuilder sql, List<String> params, String quoted) {
    sql.append(", avg(").append(dialect.length(quoted)).append(')');
    for (ValuePattern p : ValuePattern.values()) {
      sql.append(", sum(case when ").append(dialect.matchesAsStored(quoted)).append(" then 1 else 0 end)");
      params.add(p.regex());
    }
  }

  /** Reads what {@link #appendTextMeasures} asked for, from column {@code i}; returns the next column. */
  static int readTextMeasures(ResultSet rs, int i, Measured m) throws SQLException {
    double avg = rs.getDouble(i++);
    m.avgLength = rs.wasNull() ? null : avg;
    m.patterns = new EnumMap<>(ValuePattern.class);
    for (ValuePattern p : ValuePattern.values()) {
      m.patterns.put(p, rs.getLong(i++));
    }
    return i;
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

  PreparedStatement prepare(String sql) throws SQLException {
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

  static String text(ResultSet rs, int index, NormalizedType type) throws SQLException {
    if (type == NormalizedType.BOOLEAN) {
      boolean b = rs.getBoolean(index);
      return rs.wasNull() ? null : String.valueOf(b);
    }
    return rs.getString(index);
  }
}
