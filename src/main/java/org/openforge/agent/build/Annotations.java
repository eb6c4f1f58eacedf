package org.openforge.agent.build;

import java.util.Map;
import java.util.Optional;

/**
 * Reads LinkML {@code annotations} kept in an element's extensions, in both spellings LinkML allows:
 * {@code source_table: customers} and {@code source_table: {tag: source_table, value: customers}}.
 */
public final class Annotations {

  private Annotations() {}

  public static Optional<String> get(Map<String, Object> extensions, String tag) {
    Object annotations = extensions == null ? null : extensions.get("annotations");
    if (!(annotations instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Object value = map.get(tag);
    if (value instanceof Map<?, ?> wrapped) {
      value = wrapped.get("value");
    }
    if (value == null || value.toString().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(value.toString().strip());
  }
}
