package org.openforge.datasource.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One data-quality finding of a table: {@code severity} info/warning/error, the column(s) concerned (comma-joined
 * for composite keys, null for the whole table), a stable {@code kind} (missing_values, duplicate_key,
 * orphan_foreign_key, type_inconsistency, malformed_rows, constant_column, empty_table, unsupported_column), the
 * number of rows or values concerned, a sentence and a few example values.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QualityIssue(String severity, String column, String kind, long count, String message,
    List<String> examples) {}
