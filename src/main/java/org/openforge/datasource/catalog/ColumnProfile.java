package org.openforge.datasource.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured profile of a column. {@code distinct_approximate} says whether {@code distinct_count} is an estimate
 * (see {@link ProfileOptions}); {@code min}/{@code max} are numbers for numeric columns, text otherwise (null for
 * types without an order); {@code semantic_type} is what the values look like, with {@code semantic_evidence}
 * saying why. Unsupported columns only have their null counts. {@code estimates} names every field of this profile
 * that is an estimate and the method behind it ({@code pg_stats}: PostgreSQL's planner statistics,
 * {@code tablesample}: a row sample of the table, {@code hyperloglog}/{@code heavy_hitters}: CSV sketches); empty
 * when every field was counted exactly.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ColumnProfile(long nullCount, double nullRate, Long distinctCount, boolean distinctApproximate,
    Object min, Object max, Double avgLength, List<TopValue> topValues, String semanticType,
    String semanticEvidence, Map<String, String> estimates) {

  public ColumnProfile {
    estimates = estimates == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(estimates));
  }
}
