package org.openforge.ontology.linkml;

import java.util.Map;

/**
 * One value of a LinkML enum: its text, an optional description and meaning (a CURIE or URI), and any other keys
 * kept verbatim in {@code extensions}.
 */
public record PermissibleValue(String text, String description, String meaning, Map<String, Object> extensions) {

  public PermissibleValue {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a permissible value needs a text");
    }
    extensions = Maps.ordered(extensions);
  }

  /** A value with only its text. */
  public static PermissibleValue of(String text) {
    return new PermissibleValue(text, null, null, Map.of());
  }
}
