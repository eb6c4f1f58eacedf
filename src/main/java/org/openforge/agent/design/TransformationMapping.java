package org.openforge.agent.design;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.openforge.agent.design.model.ModelGraph;

/**
 * The transformation_mapping artifact: how each ontology class is filled from a source table, and what is not; and
 * the model graph (staging, facts, dimensions, one aggregate per metric requirement) with the checks each model
 * passed on the sources (version 2).
 */
public record TransformationMapping(int schemaVersion, List<ClassMapping> mappings, List<Unmapped> unmapped,
    ModelGraph modelGraph) {

  public static final int SCHEMA_VERSION = 2;

  /** One class, its table and the mapping of each of its slots. */
  public record ClassMapping(@JsonProperty("class") String className, String sourceId, String sourceTable,
      List<SlotMapping> slots) {}

  /** A class (slot null) or a slot the mapping leaves out, and why. */
  public record Unmapped(@JsonProperty("class") String className, String slot, String reason) {}
}
