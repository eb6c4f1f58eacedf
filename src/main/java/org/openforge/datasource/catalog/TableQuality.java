package org.openforge.datasource.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A table's data-quality assessment. {@code completeness} is the share of non-null cells; {@code uniqueness} the
 * share of rows not duplicating a (declared or likely) key; {@code integrity} the share of rows without an orphan
 * foreign key; {@code validity} the share of values of the column's inferred type (CSV). {@code score} is their mean.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TableQuality(double score, double completeness, double uniqueness, double integrity, double validity,
    List<QualityIssue> issues) {}
