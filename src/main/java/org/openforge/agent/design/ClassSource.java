package org.openforge.agent.design;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.ontology.infer.SourceTable;

/**
 * An ontology class and the source table its instances come from, with each slot's binding; {@code table} is null
 * and {@code reason} says why when no table was found. {@code uniqueKeys} maps each unique key to its slots.
 */
record ClassSource(String className, SourceTable table, String how, String reason, List<SlotSource> slots,
    Map<String, List<String>> uniqueKeys) {

  boolean bound() {
    return table != null;
  }

  Optional<SlotSource> slot(String name) {
    return slots.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The identifier slot's binding, when it is a column. */
  Optional<SlotSource> identifier() {
    return slots.stream().filter(s -> s.slot().isIdentifier() && s.kind() == SlotSource.Kind.COLUMN).findFirst();
  }
}
