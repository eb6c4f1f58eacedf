package org.openforge.ontology.infer;

import java.util.List;

/**
 * What a requirement says, for naming and describing inferred elements: its id ({@code FR-2}), title, full text and
 * the dimensions it breaks figures down by ({@code region}).
 */
public record RequirementText(String id, String title, String text, List<String> dimensions) {

  public RequirementText {
    dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
  }

  /** Title, text and dimensions in lower case, for matching names. */
  public String searchable() {
    return (title + " " + text + " " + String.join(" ", dimensions)).toLowerCase(java.util.Locale.ROOT);
  }
}
