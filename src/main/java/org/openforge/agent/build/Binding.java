package org.openforge.agent.build;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;
import org.openforge.ontology.linkml.SchemaView;

/**
 * The ontology with each class bound to its source: what the build agents work from. {@code origin} says whether
 * the bindings come from the transformation mapping or were derived from the ontology's annotations.
 */
public record Binding(String schemaName, String schemaId, @JsonIgnore SchemaView view, List<ClassBinding> classes,
    List<Unmapped> unmapped, String origin, ArtifactRef ontology, ArtifactRef mapping, List<String> warnings) {

  /** A class or slot left without a source, and why. */
  public record Unmapped(String className, String slot, String reason) {}

  /** The artifact a binding was read from. */
  public record ArtifactRef(String id, String name, int version) {}

  public Binding {
    classes = List.copyOf(classes);
    unmapped = List.copyOf(unmapped);
    warnings = List.copyOf(warnings);
  }

  public Optional<ClassBinding> classBinding(String name) {
    return classes.stream().filter(c -> c.className().equals(name)).findFirst();
  }

  /** The attached sources the bindings use, in first-use order. */
  public List<String> sourceIds() {
    return classes.stream().map(ClassBinding::sourceId).distinct().toList();
  }
}
