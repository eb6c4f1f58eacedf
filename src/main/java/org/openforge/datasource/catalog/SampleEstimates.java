package org.openforge.datasource.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openforge.datasource.SqlDialect;

/**
 * What a large table's profile estimates from a row sample (the FROM item {@code sampled}): string lengths and value
 * patterns of every text column in one query, and — for columns the database keeps no statistics of — distinct
 * counts (Duj1 estimator) and top values (sample counts scaled to the table), in one query per column.
 */
final class SampleEstimates {

  private final JdbcProfiler profiler;
  private final SqlDialect dialect;
  private final String sampled;

  SampleEstimates(JdbcProfiler profiler, SqlDialect dialect, String sampled) {
    this.profiler = profiler;
    this.dialect = dialect;
    this.sampled = sampled;
  }

  /** Average length and pattern counts of the chunk's text columns over the sample; pattern base = sampled values. */
  void strings(List<ColumnInfo> chunk, Map<String, JdbcProfiler.Measured> measured) throws SQLException {
    List<ColumnInfo> texts = chunk.stream().filter(JdbcProfiler::profilesText).toList();
    if (texts.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("select 1");
    List<String> params = new ArrayList<>();
    for (ColumnInfo c : texts) {
      String q = dialect.quote(c.name());
      sql.append(", count(").append(q).append(')');
      profiler.appendTextMeasures(sql, params, q);
    }
    sql.append(" from ").append(sampled);
    try (PreparedStatement ps = profiler.prepare(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setString(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int i = 2;
        for (ColumnInfo c : texts) {
          JdbcProfiler.Measured m = measured.get(c.name());
          m.patternBase = rs.getLong(i++);
          i = JdbcProfiler.readTextMeasures(rs, i, m);
        }
      }
    }
  }

  /** A column's distinct-count estimate (null when the sample held no value) and top values, from the sample. */
  record Estimate(Long distinct, List<TopValue> top) {}

  /**
   * One query over the sample per column: its most frequent values, and — by window aggregates over every sampled
   * value — the sample size n, the distinct values seen d and those seen once f1, for the Haas-Stokes Duj1 estimator
   * PostgreSQL's ANALYZE uses: D = n·d / (n − f1 + f1·n/N), N the table's non-null values. Top values are those seen
   * more than once, their counts scaled from n to N.
   */
  Estimate estimate(ColumnInfo c, long nonNull, int topValues) throws SQLException {
    String q = dialect.quote(c.name());
    String sql = "select v, cnt, count(*) over (), sum(case when cnt = 1 then 1 else 0 end) over (), "
        + "sum(cnt) over () from (select " + q + " as v, count(*) as cnt from " + sampled + " where " + q
        + " is not null group by " + q + ") g order by cnt desc, v limit " + Math.max(1, topValues);
    List<TopValue> top = new ArrayList<>();
    long n = 0;
    long d = 0;
    long f1 = 0;
    try (PreparedStatement ps = profiler.prepare(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        d = rs.getLong(3);
        f1 = rs.getLong(4);
        n = rs.getLong(5);
        long count = rs.getLong(2);
        if (count > 1 && top.size() < topValues) {
          top.add(new TopValue(JdbcProfiler.text(rs, 1, c.normalizedType()), Math.round((double) count * nonNull
              / n)));
        }
      }
    }
    if (n == 0) {
      return new Estimate(null, List.of());
    }
    return new Estimate(duj1(n, d, f1, nonNull), List.copyOf(top));
  }

  /** The Duj1 estimate, between the distinct values seen and the non-null values of the table. */
  static long duj1(long n, long d, long f1, long total) {
    if (n >= total) {
      return d;
    }
    double estimate = (double) n * d / (n - f1 + (double) f1 * n / total);
    return Math.max(d, Math.min(total, Math.round(estimate)));
  }
}
