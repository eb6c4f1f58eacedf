package org.openforge.agent.build.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openforge.agent.build.Binding;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.Names;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.ValueTypes;

/**
 * Derives the data-quality checks from the ontology: per class the table exists and has the mapped columns; per
 * slot required values, unique identifiers (and {@code unique_keys}), references resolving to the referred class,
 * values of the range's type, enum values, bounds and patterns. A required slot without a source is a check that
 * fails, not one left out.
 */
public final class CheckPlanner {

  private CheckPlanner() {}

  public static List<CheckPlan> plan(Binding binding) {
    List<CheckPlan> plans = new ArrayList<>();
    for (ClassBinding c : binding.classes()) {
      String base = Names.snake(c.className());
      plans.add(new CheckPlan(base + ".table_exists", "table_exists", c, List.of(),
          c.table() + " exists in the source", null));
      List<SlotBinding> columns = c.slots().stream().filter(s -> s.column() != null).toList();
      if (!columns.isEmpty()) {
        plans.add(new CheckPlan(base + ".columns_exist", "columns_exist", c, columns,
            "the mapped columns exist: " + String.join(", ", columns.stream().map(SlotBinding::column).toList()),
            null));
      }
      for (SlotBinding s : c.slots()) {
        String id = base + "." + s.slot() + ".";
        if (s.required()) {
          plans.add(new CheckPlan(id + "required", "required", c, List.of(s), c.className() + "." + s.slot()
              + " is required: no null values", null));
        }
        if (!s.mapped() || s.multivalued()) {
          continue;
        }
        if (s.identifier()) {
          plans.add(new CheckPlan(id + "unique", "unique", c, List.of(s), c.className() + "." + s.slot()
              + " identifies a " + c.className() + ": no value twice", null));
        }
        if (s.reference()) {
          ClassBinding target = binding.classBinding(s.referencedClass()).orElse(null);
          plans.add(new CheckPlan(id + "reference", "reference", c, List.of(s), "every " + c.className() + "."
              + s.slot() + " refers to an existing " + s.referencedClass(), target));
        }
        if (s.column() != null && ValueTypes.constrained(s.baseType())) {
          plans.add(new CheckPlan(id + "type", "type", c, List.of(s), c.className() + "." + s.slot()
              + " values are " + s.baseType() + (s.range().equals(s.baseType()) ? "" : " (" + s.range() + ")"),
              null));
        }
        if (!s.enumValues().isEmpty() && s.column() != null) {
          plans.add(new CheckPlan(id + "enum", "enum", c, List.of(s), c.className() + "." + s.slot()
              + " is one of " + s.range() + ": " + String.join(", ", s.enumValues()), null));
        }
        if ((s.minimum() != null || s.maximum() != null) && s.column() != null) {
          plans.add(new CheckPlan(id + "range", "range", c, List.of(s), c.className() + "." + s.slot()
              + " is " + bounds(s), null));
        }
        if (s.pattern() != null && s.column() != null) {
          plans.add(new CheckPlan(id + "pattern", "pattern", c, List.of(s), c.className() + "." + s.slot()
              + " matches " + s.pattern(), null));
        }
      }
      for (ClassBinding.UniqueKey key : c.uniqueKeys()) {
        List<SlotBinding> slots = key.slots().stream().map(c::slot).flatMap(java.util.Optional::stream).toList();
        if (slots.size() == key.slots().size() && slots.stream().allMatch(s -> s.column() != null)
            && !(slots.size() == 1 && slots.get(0).identifier())) {
          plans.add(new CheckPlan(base + "." + Names.snake(key.name()).toLowerCase(Locale.ROOT) + ".unique", "unique",
              c, slots, c.className() + " unique key " + key.name() + " (" + String.join(", ", key.slots())
              + "): no combination twice", null));
        }
      }
    }
    return plans;
  }

  static String bounds(SlotBinding s) {
    if (s.minimum() != null && s.maximum() != null) {
      return "between " + s.minimum().toPlainString() + " and " + s.maximum().toPlainString();
    }
    return s.minimum() != null ? "at least " + s.minimum().toPlainString() : "at most " + s.maximum().toPlainString();
  }
}
