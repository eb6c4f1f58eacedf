package org.openforge.agent.design;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The transformation_mapping artifact: how each ontology class is filled from a source table, and what is not. */
public record TransformationMapping(int schemaVersion, List<ClassMapping> mappings,
    List<Map<String, Object>> unmapped) {

  public static final int SCHEMA_VERSION = 1;

  /** One class, its table and the mapping of each of its slots. */
  public record ClassMapping(@JsonProperty("class") String className, String sourceId, String sourceTable,
      List<SlotMapping> slots) {}
}
