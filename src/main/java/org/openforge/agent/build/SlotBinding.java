package org.openforge.agent.build;

import java.math.BigDecimal;
import java.util.List;

/**
 * One slot of an ontology class bound to its source: the column (or SQL expression) it comes from, how
 * ({@code direct}, {@code cast}, {@code lookup}, {@code aggregation}, {@code derived}), and the constraints the
 * ontology puts on it, resolved through the schema view: the built-in base type of its range ({@code string},
 * {@code integer}, {@code decimal}, {@code date}, ...; a reference takes its target's identifier type), required,
 * identifier, pattern, bounds, the permissible values of an enum range, the class a reference points to.
 *
 * @param via the related table an aggregation reads ({@code sales.sales} for a customer's lifetime value), null
 *     for values of the class's own rows
 * @param origin where the binding came from: {@code mapping}, {@code annotation}, {@code name_match} or
 *     {@code task_transformation}
 */
public record SlotBinding(String slot, String kind, String column, String expression, String sourceType,
    String range, String baseType, boolean required, boolean identifier, boolean multivalued, String pattern,
    BigDecimal minimum, BigDecimal maximum, List<String> enumValues, String referencedClass, String via,
    String origin) {

  public SlotBinding {
    enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
  }

  /** Whether the slot's values come from a column or an expression. */
  public boolean mapped() {
    return column != null || expression != null;
  }

  /** Whether the slot refers to another class (by its identifier). */
  public boolean reference() {
    return referencedClass != null;
  }

  /** Whether the values are computed by an SQL expression rather than read from one column. */
  public boolean computed() {
    return expression != null && column == null;
  }

  /** The column of the load target's table (as the PostgreSQL DDL generator names it). */
  public String targetColumn() {
    String s = Names.snake(slot);
    return reference() && !s.endsWith("_id") ? s + "_id" : s;
  }

  public SlotBinding withColumn(String newColumn, String newKind, String newOrigin) {
    return new SlotBinding(slot, newKind, newColumn, null, sourceType, range, baseType, required, identifier,
        multivalued, pattern, minimum, maximum, enumValues, referencedClass, null, newOrigin);
  }

  public SlotBinding withExpression(String newExpression, String newKind, String newOrigin) {
    return new SlotBinding(slot, newKind, null, newExpression, sourceType, range, baseType, required, identifier,
        multivalued, pattern, minimum, maximum, enumValues, referencedClass, null, newOrigin);
  }

  /** The same slot computed by another SQL expression (an aggregation rewritten for the database). */
  public SlotBinding withSql(String sql) {
    return new SlotBinding(slot, kind, null, sql, sourceType, range, baseType, required, identifier, multivalued,
        pattern, minimum, maximum, enumValues, referencedClass, via, origin);
  }
}
