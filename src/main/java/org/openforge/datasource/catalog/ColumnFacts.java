package org.openforge.datasource.catalog;

import java.util.List;
import java.util.Map;

/** What the profiler measured about one column, before it is summarised into a {@link ColumnProfile}. */
record ColumnFacts(ColumnInfo column, String table, long rows, long nonNull, Long distinct, boolean approximate,
    Object min, Object max, Double avgLength, List<TopValue> top, Map<ValuePattern, Long> patterns,
    boolean declaredKey, String references) {

  long nulls() {
    return rows - nonNull;
  }

  double share(ValuePattern pattern) {
    Long n = patterns == null ? null : patterns.get(pattern);
    return n == null || nonNull == 0 ? 0 : (double) n / nonNull;
  }

  long matches(ValuePattern pattern) {
    Long n = patterns == null ? null : patterns.get(pattern);
    return n == null ? 0 : n;
  }
}
