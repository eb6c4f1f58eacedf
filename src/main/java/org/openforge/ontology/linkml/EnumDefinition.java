package org.openforge.ontology.linkml;

import java.util.LinkedHashMap;
import java.util.Map;

/** A LinkML enum: its permissible values by text (in schema order), plus unknown keys kept in {@code extensions}. */
public record EnumDefinition(String name, String description, String enumUri,
    Map<String, PermissibleValue> permissibleValues, Map<String, Object> extensions) {

  public EnumDefinition {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an enum needs a name");
    }
    permissibleValues = Maps.ordered(permissibleValues);
    extensions = Maps.ordered(extensions);
  }

  /** An enum with the given value texts and nothing else. */
  public static EnumDefinition of(String name, String... values) {
    Map<String, PermissibleValue> map = new LinkedHashMap<>();
    for (String value : values) {
      map.put(value, PermissibleValue.of(value));
    }
    return new EnumDefinition(name, null, null, map, Map.of());
  }

  /** True when the enum is defined by a query ({@code reachable_from}, {@code include}, ...) rather than listed values. */
  public boolean isDynamic() {
    return extensions.containsKey("reachable_from") || extensions.containsKey("include")
        || extensions.containsKey("concepts") || extensions.containsKey("matches")
        || extensions.containsKey("inherits");
  }
}
