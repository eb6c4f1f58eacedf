package org.openforge.datasource.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One of a column's most frequent values (as text) and how many rows hold it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TopValue(String value, long count) {}
