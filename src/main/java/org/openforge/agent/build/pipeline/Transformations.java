package org.openforge.agent.build.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openforge.agent.build.Aggregate;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.TableRef;

/**
 * Applies the task's transformations to the bound classes. A {@code mapping} goes to the classes that have a slot
 * named its target field and a column named its source field (the slot then reads that column), else to every class
 * whose table has the source field (a renamed extra field). An {@code aggregation} goes to the classes whose table
 * has every column its logic reads; it computes the slot named like its output, else an extra field. The mapping's
 * own computed slots (aggregation, derived) become steps too.
 */
public final class Transformations {

  /** The classes as the pipeline extracts them and the transformation steps. */
  public record Applied(List<ClassPlan> classes, List<TransformStep> steps) {}

  private Transformations() {}

  public static Applied apply(List<TaskTransformation> requested, List<ClassBinding> bound,
      Function<ClassBinding, Optional<TableRef>> tables) {
    Map<String, ClassBinding> classes = new LinkedHashMap<>();
    Map<String, List<ClassPlan.ExtraField>> extras = new LinkedHashMap<>();
    bound.forEach(c -> {
      classes.put(c.className(), c);
      extras.put(c.className(), new ArrayList<>());
    });
    List<TransformStep> steps = new ArrayList<>();
    for (ClassBinding c : bound) {
      for (SlotBinding s : c.slots()) {
        if (s.computed()) {
          steps.add(new TransformStep(c.className() + "." + s.slot(), s.kind(), "mapping", List.of(c.className()),
              s.slot(), null, s.expression(), null, null));
        }
      }
    }
    for (TaskTransformation t : requested) {
      List<String> applied = new ArrayList<>();
      String message = null;
      if (t.type().equals("mapping")) {
        if (t.sourceField() == null || t.targetField() == null) {
          message = "a mapping needs source_field and target_field";
        } else {
          for (ClassBinding c : bound) {
            boolean hasColumn = tables.apply(c).flatMap(tr -> tr.column(t.sourceField())).isPresent();
            Optional<SlotBinding> slot = c.slot(t.targetField());
            if (hasColumn && slot.isPresent()) {
              classes.put(c.className(), classes.get(c.className()).with(slot.get().withColumn(t.sourceField(),
                  slot.get().reference() ? "lookup" : "direct", "task_transformation")));
              applied.add(c.className());
            }
          }
          if (applied.isEmpty()) {
            for (ClassBinding c : bound) {
              if (tables.apply(c).flatMap(tr -> tr.column(t.sourceField())).isPresent()) {
                extras.get(c.className()).add(new ClassPlan.ExtraField(t.targetField(), t.sourceField(), null,
                    t.name()));
                applied.add(c.className());
              }
            }
          }
          if (applied.isEmpty()) {
            message = "no bound table has a column " + t.sourceField();
          }
        }
      } else if (t.logic() != null) {
        List<String> columns = Aggregate.parse(t.logic()).map(Aggregate::columns)
            .orElse(Aggregate.columnsOf(t.logic()));
        for (ClassBinding c : bound) {
          Optional<TableRef> table = tables.apply(c);
          if (table.isPresent() && !columns.isEmpty()
              && columns.stream().allMatch(col -> table.get().column(col).isPresent())) {
            Optional<SlotBinding> slot = c.slot(t.outputField());
            if (slot.isPresent()) {
              classes.put(c.className(), classes.get(c.className()).with(slot.get().withExpression(t.logic(),
                  t.type(), "task_transformation")));
            } else {
              extras.get(c.className()).add(new ClassPlan.ExtraField(t.outputField(), null, t.logic(), t.name()));
            }
            applied.add(c.className());
          }
        }
        if (applied.isEmpty()) {
          message = "no bound table has all the columns the logic reads (" + String.join(", ", columns) + ")";
        }
      } else {
        message = "a " + t.type() + " transformation needs logic (or source_field and target_field for a mapping)";
      }
      steps.add(new TransformStep(t.name(), t.type(), "task", applied, t.type().equals("mapping")
          ? t.targetField() : t.outputField(), t.sourceField(), t.logic(), t.values(), message));
    }
    List<ClassPlan> plans = new ArrayList<>();
    for (ClassBinding c : classes.values()) {
      plans.add(new ClassPlan(c, tables.apply(c).orElse(null), extras.get(c.className())));
    }
    return new Applied(plans, steps);
  }
}
