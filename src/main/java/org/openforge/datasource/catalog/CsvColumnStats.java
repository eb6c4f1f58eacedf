package org.openforge.datasource.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streaming statistics of one CSV column with bounded memory: nulls, counts per candidate type (with examples of
 * values that do not fit), min/max, lengths, pattern counts, and value counts — exact up to {@code exactLimit}
 * distinct values, then a Misra-Gries heavy-hitter summary (recounted exactly in a second pass) plus a HyperLogLog
 * distinct estimate.
 */
final class CsvColumnStats {

  private final String name;
  private final boolean profile;
  private final int exactLimit;
  private final int heavyHitters;
  private final int maxExamples;
  long nonNull;
  long nulls;
  int maxLength;
  long totalLength;
  private final long[] typeCounts = new long[CsvValueKinds.CANDIDATES.length];
  private final List<Set<String>> misfits = new ArrayList<>();
  private BigDecimal minNumber;
  private BigDecimal maxNumber;
  private Long minInteger;
  private Long maxInteger;
  private Double minFloat;
  private Double maxFloat;
  private final String[] minText = new String[CsvValueKinds.CANDIDATES.length + 1];
  private final String[] maxText = new String[CsvValueKinds.CANDIDATES.length + 1];
  private final Map<ValuePattern, Long> patterns = new EnumMap<>(ValuePattern.class);
  private Map<String, long[]> counts = new HashMap<>();
  private boolean overflowed;
  private final HyperLogLog sketch;

  CsvColumnStats(String name, boolean profile, int exactLimit, int topValues, int maxExamples) {
    this.name = name;
    this.profile = profile;
    this.exactLimit = exactLimit;
    this.heavyHitters = Math.max(100, topValues * 20);
    this.maxExamples = maxExamples;
    this.sketch = profile ? new HyperLogLog() : null;
    for (int i = 0; i < CsvValueKinds.CANDIDATES.length; i++) {
      misfits.add(new LinkedHashSet<>());
    }
    for (ValuePattern p : ValuePattern.values()) {
      patterns.put(p, 0L);
    }
  }

  String name() {
    return name;
  }

  void addNull() {
    nulls++;
  }

  void add(String v) {
    nonNull++;
    maxLength = Math.max(maxLength, v.length());
    totalLength += v.length();
    for (int i = 0; i < CsvValueKinds.CANDIDATES.length; i++) {
      NormalizedType t = CsvValueKinds.CANDIDATES[i];
      if (CsvValueKinds.is(t, v)) {
        typeCounts[i]++;
        if (t == NormalizedType.DECIMAL) {
          BigDecimal n = new BigDecimal(v.startsWith("+") ? v.substring(1) : v);
          minNumber = minNumber == null || n.compareTo(minNumber) < 0 ? n : minNumber;
          maxNumber = maxNumber == null || n.compareTo(maxNumber) > 0 ? n : maxNumber;
        }
        if (t == NormalizedType.INTEGER) {
          long l = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
          minInteger = minInteger == null || l < minInteger ? l : minInteger;
          maxInteger = maxInteger == null || l > maxInteger ? l : maxInteger;
        }
        if (t == NormalizedType.FLOAT) {
          double d = Double.parseDouble(v);
          minFloat = minFloat == null || d < minFloat ? d : minFloat;
          maxFloat = maxFloat == null || d > maxFloat ? d : maxFloat;
        }
        track(i, v);
      } else if (misfits.get(i).size() < maxExamples) {
        misfits.get(i).add(v);
      }
    }
    track(CsvValueKinds.CANDIDATES.length, v);
    if (!profile) {
      return;
    }
    for (ValuePattern p : ValuePattern.values()) {
      if (p.test(v)) {
        patterns.merge(p, 1L, Long::sum);
      }
    }
    sketch.add(v);
    count(v);
  }

  private void track(int slot, String v) {
    if (minText[slot] == null || v.compareTo(minText[slot]) < 0) {
      minText[slot] = v;
    }
    if (maxText[slot] == null || v.compareTo(maxText[slot]) > 0) {
      maxText[slot] = v;
    }
  }

  private void count(String v) {
    long[] c = counts.get(v);
    if (c != null) {
      c[0]++;
      return;
    }
    if (!overflowed && counts.size() < exactLimit) {
      counts.put(v, new long[] {1});
      return;
    }
    if (!overflowed) {
      overflowed = true;
      reduce();
    }
    if (counts.size() < heavyHitters) {
      counts.put(v, new long[] {1});
      return;
    }
    // Misra-Gries: a new value with the summary full decrements every counter
    counts.values().forEach(x -> x[0]--);
    counts.values().removeIf(x -> x[0] <= 0);
  }

  /** Shrinks the exact counts to a Misra-Gries summary of {@code heavyHitters} counters (batch decrement). */
  private void reduce() {
    if (counts.size() < heavyHitters) {
      return;
    }
    List<Long> sorted = counts.values().stream().map(x -> x[0]).sorted(Comparator.reverseOrder()).toList();
    long threshold = sorted.get(heavyHitters - 1);
    counts.values().forEach(x -> x[0] -= threshold);
    counts.values().removeIf(x -> x[0] <= 0);
  }

  boolean overflowed() {
    return overflowed;
  }

  /** The heavy-hitter candidates to recount exactly in a second pass. */
  Set<String> candidates() {
    return counts.keySet();
  }

  /** Replaces the approximate counts by exact ones from the second pass. */
  void exactCounts(Map<String, long[]> recounted) {
    this.counts = recounted;
  }

  /** Exact value counts, when the column never overflowed (used for inferred foreign keys). */
  Map<String, long[]> exactValues() {
    return overflowed ? null : counts;
  }

  /** The inferred type: the most specific type every value fits, else the best-fitting one if it fits ≥ 90%. */
  NormalizedType inferredType() {
    if (nonNull == 0) {
      return NormalizedType.STRING;
    }
    int best = -1;
    for (int i = 0; i < typeCounts.length; i++) {
      if (typeCounts[i] == nonNull) {
        return CsvValueKinds.CANDIDATES[i];
      }
      if (best < 0 || typeCounts[i] > typeCounts[best]) {
        best = i;
      }
    }
    return nonNull >= 10 && typeCounts[best] * 10 >= nonNull * 9 ? CsvValueKinds.CANDIDATES[best]
        : NormalizedType.STRING;
  }

  /** Values that do not fit the inferred type. */
  long misfitCount(NormalizedType type) {
    int i = index(type);
    return i < 0 ? 0 : nonNull - typeCounts[i];
  }

  List<String> misfitExamples(NormalizedType type) {
    int i = index(type);
    return i < 0 ? List.of() : List.copyOf(misfits.get(i));
  }

  Object min(NormalizedType type) {
    return bound(type, true);
  }

  Object max(NormalizedType type) {
    return bound(type, false);
  }

  private Object bound(NormalizedType type, boolean min) {
    BigDecimal n = min ? minNumber : maxNumber;
    return switch (type) {
      case INTEGER -> min ? minInteger : maxInteger;
      case DECIMAL -> n;
      case FLOAT -> (min ? minFloat : maxFloat);
      case DATE, DATETIME, TIME, UUID -> (min ? minText : maxText)[index(type)];
      case STRING -> (min ? minText : maxText)[CsvValueKinds.CANDIDATES.length];
      default -> null;
    };
  }

  Long distinct() {
    if (!profile) {
      return null;
    }
    return overflowed ? sketch.estimate() : (long) counts.size();
  }

  Map<ValuePattern, Long> patterns() {
    return patterns;
  }

  Double avgLength() {
    return nonNull == 0 ? null : (double) totalLength / nonNull;
  }

  List<TopValue> top(int n) {
    return counts.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey))
        .limit(n).map(e -> new TopValue(e.getKey(), e.getValue()[0])).toList();
  }

  private static int index(NormalizedType type) {
    for (int i = 0; i < CsvValueKinds.CANDIDATES.length; i++) {
      if (CsvValueKinds.CANDIDATES[i] == type) {
        return i;
      }
    }
    return -1;
  }
}
