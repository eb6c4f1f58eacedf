package org.openforge.agent.deploy;

import java.util.Arrays;

/**
 * Latency statistics by the nearest-rank method: the p-th percentile of n sorted values is the value at rank
 * ⌈p/100 · n⌉ (so p50 of 1..10 is 5, p95 is 10, p100 the maximum).
 */
public record Percentiles(int count, double min, double p50, double p95, double p99, double max, double mean) {

  public static Percentiles of(double[] values) {
    if (values.length == 0) {
      return new Percentiles(0, 0, 0, 0, 0, 0, 0);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return new Percentiles(sorted.length, round(sorted[0]), round(rank(sorted, 50)), round(rank(sorted, 95)),
        round(rank(sorted, 99)), round(sorted[sorted.length - 1]), round(sum / sorted.length));
  }

  /** The nearest-rank percentile of sorted values, 0 < p ≤ 100. */
  public static double rank(double[] sorted, double p) {
    if (sorted.length == 0 || p <= 0 || p > 100) {
      throw new IllegalArgumentException("need values and 0 < p <= 100");
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
