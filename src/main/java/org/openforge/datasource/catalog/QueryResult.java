package org.openforge.datasource.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Rows returned by {@link SourceQueries}: column names, rows as lists of JSON-friendly values (numbers, text,
 * booleans, ISO dates; binaries as "&lt;n bytes&gt;"), and whether more rows existed than the limit allowed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated, long elapsedMs) {}
