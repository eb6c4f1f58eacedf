package org.openforge.datasource.catalog;

import java.util.List;
import java.util.Map;

/**
 * What the profiler measured about one column, before it is summarised into a {@link ColumnProfile}. Pattern counts
 * are out of {@code patternBase} non-null values: all of them, or those of a sample on large tables.
 * {@code estimates} maps each estimated profile field to its method (see {@link ColumnProfile#estimates()}).
 */
record ColumnFacts(ColumnInfo column, String table, long rows, long nonNull, Long distinct, boolean approximate,
    Object min, Object max, Double avgLength, List<TopValue> top, Map<ValuePattern, Long> patterns,
    long patternBase, boolean declaredKey, String references, Map<String, String> estimates) {

  long nulls() {
    return rows - nonNull;
  }

  double share(ValuePattern pattern) {
    Long n = patterns == null ? null : patterns.get(pattern);
    return n == null || patternBase == 0 ? 0 : (double) n / patternBase;
  }

  long matches(ValuePattern pattern) {
    Long n = patterns == null ? null : patterns.get(pattern);
    return n == null ? 0 : n;
  }

  /** Whether the pattern counts come from a sample rather than every value. */
  boolean patternsSampled() {
    return patternBase != nonNull;
  }
}
