package org.openforge.agent.build.pipeline;

import java.util.List;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.TableRef;

/**
 * A class as the pipeline extracts it: its binding after the task's transformations, its table (null when the
 * source has none of that name), and the fields the task's transformations add beyond the class's slots.
 */
public record ClassPlan(ClassBinding binding, TableRef table, List<ExtraField> extras) {

  /** A field a task transformation adds: a renamed column or a computed expression. */
  public record ExtraField(String name, String column, String expression, String transformation) {}

  public ClassPlan {
    extras = List.copyOf(extras);
  }

  public String className() {
    return binding.className();
  }
}
