package org.openforge.datasource.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The catalog of one data source: its tables/files with columns, keys and row counts, and — when
 * {@code profiled} — per-column profiles and per-table quality. {@code warnings} lists what could not be read.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SourceCatalog(String sourceId, String sourceName, String sourceType, String serverVersion,
    OffsetDateTime collectedAt, long durationMs, boolean profiled, List<TableInfo> tables, List<String> warnings) {

  /** The table with this name (and schema, when given). */
  public Optional<TableInfo> table(String schema, String name) {
    return tables.stream().filter(t -> t.name().equals(name) && (schema == null || schema.equals(t.schema())))
        .findFirst();
  }
}
