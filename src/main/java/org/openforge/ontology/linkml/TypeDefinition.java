package org.openforge.ontology.linkml;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A LinkML type: {@code typeof} (the parent type), {@code base} (the Python base type name LinkML uses),
 * {@code uri}, {@code repr}, and value constraints inherited by every slot of this type.
 */
public record TypeDefinition(String name, String description, String typeof, String base, String uri, String repr,
    String pattern, BigDecimal minimumValue, BigDecimal maximumValue, Map<String, Object> extensions) {

  public TypeDefinition {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a type needs a name");
    }
    minimumValue = Maps.number(minimumValue);
    maximumValue = Maps.number(maximumValue);
    extensions = Maps.ordered(extensions);
  }

  /** A type derived from {@code typeof} with nothing else set. */
  public static TypeDefinition of(String name, String typeof) {
    return new TypeDefinition(name, null, typeof, null, null, null, null, null, null, Map.of());
  }
}
