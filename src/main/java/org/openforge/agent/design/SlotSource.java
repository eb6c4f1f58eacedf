package org.openforge.agent.design;

import java.util.List;
import org.openforge.ontology.infer.SourceTable;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * Where one slot of a bound class gets its values.
 *
 * @param kind COLUMN (a column of the class's table), REFERENCE (columns of the class's table holding a foreign key
 *     to {@code target}), JUNCTION (rows of {@code via} linking {@code ownerColumns} to the class's key and
 *     {@code columns} to {@code target}), COMPUTED (an {@code expression} over {@code via}.{@code columns}, an
 *     {@code aggregation} or {@code derived} value), or UNBOUND ({@code reason} says why)
 * @param targetColumns the columns of the target table the reference (or junction) points at
 */
record SlotSource(SlotDefinition slot, Kind kind, List<String> columns, SourceTable target, List<String> targetColumns,
    SourceTable via, List<String> ownerColumns, String derivation, String expression, String reason) {

  enum Kind { COLUMN, REFERENCE, JUNCTION, COMPUTED, UNBOUND }

  static SlotSource column(SlotDefinition slot, String column) {
    return new SlotSource(slot, Kind.COLUMN, List.of(column), null, List.of(), null, List.of(), null, null, null);
  }

  static SlotSource reference(SlotDefinition slot, List<String> columns, SourceTable target,
      List<String> targetColumns) {
    return new SlotSource(slot, Kind.REFERENCE, columns, target, targetColumns, null, List.of(), null, null, null);
  }

  static SlotSource junction(SlotDefinition slot, SourceTable via, List<String> ownerColumns, List<String> columns,
      SourceTable target, List<String> targetColumns) {
    return new SlotSource(slot, Kind.JUNCTION, columns, target, targetColumns, via, ownerColumns, null, null, null);
  }

  static SlotSource computed(SlotDefinition slot, String derivation, String expression, SourceTable via,
      List<String> columns, String reason) {
    return new SlotSource(slot, Kind.COMPUTED, columns, null, List.of(), via, List.of(), derivation, expression,
        reason);
  }

  static SlotSource unbound(SlotDefinition slot, String reason) {
    return new SlotSource(slot, Kind.UNBOUND, List.of(), null, List.of(), null, List.of(), null, null, reason);
  }

  String name() {
    return slot.name();
  }

  /** The first source column, for single-column bindings. */
  String column() {
    return columns.isEmpty() ? null : columns.get(0);
  }
}
