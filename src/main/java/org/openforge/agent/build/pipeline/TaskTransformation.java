package org.openforge.agent.build.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A transformation the pipeline task asks for in {@code input_data.transformations}: a {@code mapping} of a source
 * field to a target field (optionally with {@code values}, a map from source to target values), or an
 * {@code aggregation} whose {@code logic} is an SQL aggregate such as {@code SUM(amount) OVER (PARTITION BY
 * customer_id)}, written to {@code target_field} (else a field named after the transformation).
 */
public record TaskTransformation(String name, String type, String sourceField, String targetField, String logic,
    Map<String, String> values, String description) {

  public TaskTransformation {
    values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The field the transformation writes. */
  public String outputField() {
    if (targetField != null) {
      return targetField;
    }
    return name;
  }

  /** Reads {@code input_data.transformations}; entries without a name get {@code transformation_<n>}. */
  public static List<TaskTransformation> read(Object raw) {
    List<TaskTransformation> out = new ArrayList<>();
    if (!(raw instanceof List<?> list)) {
      return out;
    }
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> m)) {
        continue;
      }
      String name = text(m.get("name"));
      String type = text(m.get("type"));
      Map<String, String> values = new LinkedHashMap<>();
      Object v = m.get("values") != null ? m.get("values") : m.get("value_map");
      if (v instanceof Map<?, ?> vm) {
        vm.forEach((k, val) -> values.put(String.valueOf(k), val == null ? null : String.valueOf(val)));
      }
      out.add(new TaskTransformation(name == null ? "transformation_" + (out.size() + 1) : name,
          type == null ? (m.get("logic") != null ? "aggregation" : "mapping") : type.toLowerCase(Locale.ROOT),
          text(m.get("source_field")), text(m.get("target_field")), text(m.get("logic")), values,
          text(m.get("description"))));
    }
    return out;
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
