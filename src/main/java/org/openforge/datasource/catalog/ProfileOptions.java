package org.openforge.datasource.catalog;

import java.time.Duration;
import java.util.List;

/**
 * How deep the profiler goes.
 *
 * @param topValues how many most-frequent values per column (0 to skip)
 * @param exactMaxRows tables up to this many rows (by the database's estimate) get exact row counts, exact
 *     distinct counts ({@code count(distinct)}) and exact top values; larger ones distinct counts and top values from
 *     the database's statistics (pg_stats) or a sample of {@code sampleRows} rows (Duj1 estimator), marked in each
 *     column's {@code estimates} — rows, nulls, min and max stay exact (one scan). Negative: structure only, rows
 *     are not counted at all (the estimate is reported)
 * @param sampleRows the sample size for distinct and top-value estimates of large tables without statistics
 * @param csvExactDistinct distinct values counted exactly per CSV column; beyond, a HyperLogLog estimate (~0.8%
 *     error) and heavy-hitter top values recounted exactly in a second pass
 * @param statementTimeout the limit of every statement run against the source
 * @param maxExamples example values per quality issue
 * @param tables only these tables (names or schema.name); empty for all
 */
public record ProfileOptions(int topValues, long exactMaxRows, int sampleRows, int csvExactDistinct,
    Duration statementTimeout, int maxExamples, List<String> tables) {

  public ProfileOptions {
    tables = tables == null ? List.of() : List.copyOf(tables);
  }

  /** 10 top values, exact distincts up to 1,000,000 rows (samples of 100,000 above), 60 s statements. */
  public static ProfileOptions defaults() {
    return new ProfileOptions(10, 1_000_000, 100_000, 20_000, Duration.ofSeconds(60), 5, List.of());
  }

  /** The same options with n top values per column. */
  public ProfileOptions withTopValues(int n) {
    return new ProfileOptions(n, exactMaxRows, sampleRows, csvExactDistinct, statementTimeout, maxExamples, tables);
  }

  /** The same options with another exact-count threshold and sample size. */
  public ProfileOptions withExactMaxRows(long rows, int sample) {
    return new ProfileOptions(topValues, rows, sample, csvExactDistinct, statementTimeout, maxExamples, tables);
  }

  /** The same options with another statement timeout. */
  public ProfileOptions withStatementTimeout(Duration timeout) {
    return new ProfileOptions(topValues, exactMaxRows, sampleRows, csvExactDistinct, timeout, maxExamples, tables);
  }

  /** The same options with another per-column exact-distinct limit for CSV files. */
  public ProfileOptions withCsvExactDistinct(int limit) {
    return new ProfileOptions(topValues, exactMaxRows, sampleRows, limit, statementTimeout, maxExamples, tables);
  }

  /** The same options limited to these tables (names or schema.name). */
  public ProfileOptions withTables(List<String> names) {
    return new ProfileOptions(topValues, exactMaxRows, sampleRows, csvExactDistinct, statementTimeout, maxExamples,
        names);
  }

  /** Whether a table is selected by {@link #tables}. */
  public boolean includes(String schema, String name) {
    return tables.isEmpty() || tables.contains(name) || (schema != null && tables.contains(schema + "." + name));
  }
}
