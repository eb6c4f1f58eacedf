package org.openforge.agent.build.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.SlotBinding;
import org.openforge.datasource.SqlDialect;
import org.openforge.agent.build.TableRef;

/** The extract of a class: its fields (identifier first) and, for databases, the SELECT that reads them. */
public final class ExtractQuery {

  private ExtractQuery() {}

  public static List<ExtractField> fields(ClassPlan plan, List<TransformStep> steps) {
    ClassBinding c = plan.binding();
    List<ExtractField> fields = new ArrayList<>();
    c.identifierSlot().filter(s -> s.column() != null).ifPresent(s -> fields.add(new ExtractField(s.slot(),
        s.column(), null, null, null)));
    for (SlotBinding s : c.slots()) {
      if (fields.stream().anyMatch(f -> f.name().equals(s.slot())) || !s.mapped()) {
        continue;
      }
      String step = s.computed() ? stepOf(steps, c.className(), s.slot()) : null;
      fields.add(new ExtractField(s.slot(), s.column(), s.computed() ? s.expression() : null, step,
          s.computed() ? s.via() : null));
    }
    for (ClassPlan.ExtraField x : plan.extras()) {
      fields.add(new ExtractField(x.name(), x.column(), x.expression(), x.transformation(), null));
    }
    return fields;
  }

  private static String stepOf(List<TransformStep> steps, String cls, String slot) {
    return steps.stream().filter(s -> s.classes().contains(cls) && slot.equals(s.output()) && s.logic() != null)
        .map(TransformStep::name).reduce((a, b) -> b).orElse(cls + "." + slot);
  }

  /**
   * The SELECT of the given fields, ordered by every plain column (identifier first) so that the same data gives
   * the same rows; with {@code limit} when not null.
   */
  public static String select(TableRef table, List<ExtractField> fields, Integer limit) {
    SqlDialect d = table.source().dialect();
    List<String> items = new ArrayList<>();
    List<ExtractField> plain = fields.stream().filter(f -> f.column() != null).toList();
    plain.forEach(f -> items.add(d.quote(f.column()) + " as " + d.quote(f.name())));
    fields.stream().filter(f -> f.expression() != null)
        .forEach(f -> items.add("(" + f.expression() + ") as " + d.quote(f.name())));
    List<String> order = new ArrayList<>();
    for (int i = 1; i <= plain.size(); i++) {
      order.add(String.valueOf(i));
    }
    return "select " + String.join(", ", items) + " from " + table.sql()
        + (order.isEmpty() ? "" : " order by " + String.join(", ", order)) + (limit == null ? "" : " limit " + limit);
  }
}
