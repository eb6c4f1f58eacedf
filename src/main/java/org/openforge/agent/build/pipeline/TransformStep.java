package org.openforge.agent.build.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A transformation of the pipeline: one the task asked for ({@code origin} task) or a computed slot of the mapping
 * ({@code origin} mapping), the classes it applies to, the field it writes, and why it applies nowhere when it
 * does not.
 */
public record TransformStep(String name, String type, String origin, List<String> classes, String output,
    String sourceField, String logic, Map<String, String> values, String message) {

  public TransformStep {
    classes = List.copyOf(classes);
    values = values == null || values.isEmpty() ? null
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  public boolean applies() {
    return !classes.isEmpty();
  }
}
