package org.openforge.datasource;

import java.time.OffsetDateTime;

/**
 * A data source with its decrypted configuration, for the catalog, the profiler and queries. Its password is a
 * {@link Secret}: printing or serialising the record shows {@code ***}.
 */
public record DataSourceRecord(String id, String name, SourceType sourceType, String description, SourceConfig config,
    LastTest lastTest, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  /** The JDBC configuration; fails for CSV sources. */
  public JdbcConfig jdbc() {
    if (config instanceof JdbcConfig j) {
      return j;
    }
    throw new IllegalStateException("data source " + id + " is not a JDBC source");
  }

  /** The CSV configuration; fails for JDBC sources. */
  public CsvConfig csv() {
    if (config instanceof CsvConfig c) {
      return c;
    }
    throw new IllegalStateException("data source " + id + " is not a CSV source");
  }
}
