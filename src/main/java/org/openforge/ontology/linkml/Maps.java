package org.openforge.ontology.linkml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for the immutable, order-preserving collections the model records hold. */
final class Maps {

  private Maps() {}

  /** An unmodifiable copy that keeps insertion order; {@code null} becomes an empty map. */
  static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A number in canonical form ({@code 1E+3} and {@code 1000.0} both become {@code 1000}), so equal values compare
   * equal. */
  static java.math.BigDecimal number(java.math.BigDecimal value) {
    if (value == null) {
      return null;
    }
    java.math.BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** An unmodifiable copy; {@code null} becomes an empty list. */
  static <T> List<T> list(List<T> list) {
    return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(list));
  }
}
