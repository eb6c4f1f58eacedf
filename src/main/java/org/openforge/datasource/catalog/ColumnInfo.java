package org.openforge.datasource.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A column: 1-based position, the source's native type and the normalized one, nullability (for CSV: whether a
 * null was seen), length/precision/scale where the type has them, whether it is {@code unsupported} for profiling
 * (arrays, geometries, binaries, ...), and its profile (null in structure-only catalogs).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ColumnInfo(String name, int position, String nativeType, NormalizedType normalizedType,
    Boolean nullable, Integer maxLength, Integer precision, Integer scale, boolean unsupported,
    ColumnProfile profile) {

  /** The same column with a profile. */
  public ColumnInfo withProfile(ColumnProfile newProfile) {
    return new ColumnInfo(name, position, nativeType, normalizedType, nullable, maxLength, precision, scale,
        unsupported, newProfile);
  }
}
