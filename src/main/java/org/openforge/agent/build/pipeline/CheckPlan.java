package org.openforge.agent.build.pipeline;

import java.util.List;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.SlotBinding;

/**
 * A check derived from the ontology, before it runs: its id and type, the class and slots it covers, the rule in
 * words, and for references the class referred to.
 */
public record CheckPlan(String id, String type, ClassBinding owner, List<SlotBinding> slots, String rule,
    ClassBinding target) {

  public CheckPlan {
    slots = List.copyOf(slots);
  }

  /** The single slot of a one-slot check. */
  public SlotBinding slot() {
    return slots.get(0);
  }

  public String slotName() {
    return slots.isEmpty() ? null : String.join(",", slots.stream().map(SlotBinding::slot).toList());
  }

  public List<String> columns() {
    return slots.stream().map(s -> s.column() == null ? s.expression() : s.column()).toList();
  }
}
