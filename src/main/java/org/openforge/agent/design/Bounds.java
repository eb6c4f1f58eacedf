package org.openforge.agent.design;

import java.math.BigDecimal;
import java.util.Optional;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/** A slot's {@code minimum_value} and {@code maximum_value}: its own, else its type's. */
record Bounds(BigDecimal min, BigDecimal max) {

  static Optional<Bounds> of(SchemaView view, SlotDefinition slot) {
    String range = slot.range();
    boolean type = view.isType(range) && !view.isClass(range) && !view.isEnum(range);
    BigDecimal min = slot.minimumValue() != null ? slot.minimumValue()
        : type ? view.typeMinimum(range).orElse(null) : null;
    BigDecimal max = slot.maximumValue() != null ? slot.maximumValue()
        : type ? view.typeMaximum(range).orElse(null) : null;
    return min == null && max == null ? Optional.empty() : Optional.of(new Bounds(min, max));
  }

  boolean outside(BigDecimal n) {
    return (min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0);
  }

  /** "values outside minimum 0, maximum 10". */
  String describe() {
    return "values outside " + (min == null ? "" : "minimum " + min.toPlainString())
        + (min != null && max != null ? ", " : "") + (max == null ? "" : "maximum " + max.toPlainString());
  }
}
