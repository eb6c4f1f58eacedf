package org.openforge.agent.build.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.Names;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.ValueTypes;

/**
 * Resolves {@code input_data.components} against the ontology: a KPI's {@code metric} ("total_sales", "sales_count",
 * "average_amount", "sum(amount)") to a function over a class and slot; a chart's axes to a class having both and its
 * {@code group_by} to a slot of that class or one reached by following references; a table's entity and columns.
 * Without components: a KPI of the main measure, a line chart of it over time and a table, for the class with the
 * most references that has a numeric measure.
 */
public final class ComponentResolver {

  private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile(
      "^(sum|count|avg|min|max)\\s*\\(\\s*([\\w.*]*)\\s*\\)$");
  private static final List<String> MEASURE_NAMES = List.of("amount", "total", "revenue", "value", "price", "sales",
      "quantity");

  private final List<ClassBinding> classes;
  private final List<String> warnings = new ArrayList<>();

  /** @param classes the classes bound to an existing table */
  public ComponentResolver(List<ClassBinding> classes) {
    this.classes = classes;
  }

  public List<String> warnings() {
    return warnings;
  }

  public List<UiComponent> resolve(Object input) {
    List<UiComponent> out = new ArrayList<>();
    if (input instanceof List<?> list && !list.isEmpty()) {
      int n = 0;
      for (Object item : list) {
        n++;
        if (!(item instanceof Map<?, ?> m)) {
          warnings.add("component " + n + " is not an object; skipped");
          continue;
        }
        String type = text(m.get("type"));
        String id = (type == null ? "component" : type) + "_" + n;
        Optional<UiComponent> c = switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
          case "kpi_card", "kpi" -> kpi(id, m);
          case "chart" -> chart(id, m);
          case "data_table", "table" -> table(id, m);
          default -> {
            warnings.add("component " + n + ": unknown type '" + type + "' (kpi_card, chart, data_table)");
            yield Optional.empty();
          }
        };
        c.ifPresent(out::add);
      }
      return out;
    }
    return defaults();
  }

  private Optional<UiComponent> kpi(String id, Map<?, ?> m) {
    String metric = text(m.get("metric"));
    if (metric == null) {
      warnings.add(id + ": a kpi_card needs a metric");
      return Optional.empty();
    }
    Optional<Metric> resolved = metric(metric);
    if (resolved.isEmpty()) {
      warnings.add(id + ": the metric '" + metric + "' names no class or numeric slot of the ontology");
      return Optional.empty();
    }
    String title = text(m.get("title"));
    Metric r = resolved.get();
    return Optional.of(new UiComponent(id, "kpi_card", title == null ? label(metric) : title, r.cls.className(),
        r.function, r.slot, null, null, null, null, metric, "input"));
  }

  private record Metric(ClassBinding cls, String function, String slot) {}

  /** total_sales, sales_total, count_customers, customer_count, average_amount, sum(amount), amount. */
  Optional<Metric> metric(String metric) {
    String m = metric.strip().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher call = CALL.matcher(m);
    String function;
    String thing;
    if (call.matches()) {
      function = call.group(1);
      thing = call.group(2).contains(".") ? call.group(2).substring(call.group(2).indexOf('.') + 1) : call.group(2);
    } else {
      String[] parts = m.split("[_\\s]+");
      String head = parts[0];
      String tail = parts[parts.length - 1];
      if (parts.length > 1 && function(head) != null) {
        function = function(head);
        thing = m.substring(m.indexOf(parts[1]));
      } else if (parts.length > 1 && function(tail) != null) {
        function = function(tail);
        thing = m.substring(0, m.lastIndexOf(tail)).replaceAll("[_\\s]+$", "");
      } else {
        function = "sum";
        thing = m;
      }
      if (thing.startsWith("of_")) {
        thing = thing.substring(3);
      }
    }
    Optional<ClassBinding> cls = classNamed(thing);
    if (cls.isPresent()) {
      if (function.equals("count") || thing.equals("*")) {
        return Optional.of(new Metric(cls.get(), "count", null));
      }
      return measure(cls.get()).map(s -> new Metric(cls.get(), function, s.slot()));
    }
    for (ClassBinding c : ranked()) {
      Optional<SlotBinding> slot = c.slot(thing).filter(s -> s.mapped() && ValueTypes.numeric(s.baseType()));
      if (slot.isPresent()) {
        return Optional.of(new Metric(c, function, slot.get().slot()));
      }
    }
    return Optional.empty();
  }

  private static String function(String word) {
    return switch (word) {
      case "total", "sum" -> "sum";
      case "count", "number", "num" -> "count";
      case "avg", "average", "mean" -> "avg";
      case "min", "minimum", "lowest" -> "min";
      case "max", "maximum", "highest" -> "max";
      default -> null;
    };
  }

  private Optional<UiComponent> chart(String id, Map<?, ?> m) {
    String x = text(m.get("x_axis"));
    String y = text(m.get("y_axis"));
    String group = text(m.get("group_by"));
    String chartType = Optional.ofNullable(text(m.get("chart_type"))).map(s -> s.toLowerCase(Locale.ROOT))
        .orElse("line");
    if (!List.of("line", "area", "bar").contains(chartType)) {
      warnings.add(id + ": chart_type '" + chartType + "' is drawn as a line chart (line, area, bar are supported)");
      chartType = "line";
    }
    if (x == null) {
      warnings.add(id + ": a chart needs an x_axis");
      return Optional.empty();
    }
    boolean count = y == null || y.equalsIgnoreCase("count");
    Optional<ClassBinding> owner = ranked().stream().filter(c -> mappedSlot(c, x).isPresent()
        && (count || mappedSlot(c, y).filter(s -> ValueTypes.numeric(s.baseType())).isPresent())).findFirst();
    if (owner.isEmpty()) {
      warnings.add(id + ": no class has both " + x + " and a numeric " + y);
      return Optional.empty();
    }
    List<String> path = List.of();
    if (group != null) {
      Optional<List<String>> found = groupPath(owner.get(), group);
      if (found.isEmpty()) {
        warnings.add(id + ": group_by '" + group + "' is no slot of " + owner.get().className()
            + " or of a class it refers to; drawn ungrouped");
      } else {
        path = found.get();
      }
    }
    String title = text(m.get("title"));
    String defaultTitle = (count ? "Number of " + Names.collection(owner.get().className()).replace('_', ' ')
        : label(y)) + " by " + label(x) + (path.isEmpty() ? "" : " per " + label(path.get(path.size() - 1)));
    return Optional.of(new UiComponent(id, "chart", title == null ? defaultTitle : title, owner.get().className(),
        count ? "count" : "sum", count ? null : y, x, path, chartType, null, null, "input"));
  }

  /** The reference slots to follow from {@code from} and the slot to group by (breadth first, two hops at most). */
  Optional<List<String>> groupPath(ClassBinding from, String group) {
    record Step(ClassBinding cls, List<String> path) {}
    Deque<Step> queue = new ArrayDeque<>();
    queue.add(new Step(from, List.of()));
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      Optional<SlotBinding> direct = mappedSlot(step.cls, group);
      if (direct.isPresent()) {
        List<String> path = new ArrayList<>(step.path);
        path.add(direct.get().slot());
        return Optional.of(path);
      }
      if (step.path.size() >= 2) {
        continue;
      }
      for (SlotBinding ref : step.cls.references()) {
        if (ref.column() == null) {
          continue;
        }
        if (ref.referencedClass().equalsIgnoreCase(group) || Names.collection(ref.referencedClass()).equals(group)) {
          List<String> path = new ArrayList<>(step.path);
          path.add(ref.slot());
          return Optional.of(path);
        }
        Optional<ClassBinding> next = classes.stream().filter(c -> c.className().equals(ref.referencedClass()))
            .findFirst();
        if (next.isPresent()) {
          List<String> path = new ArrayList<>(step.path);
          path.add(ref.slot());
          queue.add(new Step(next.get(), path));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<UiComponent> table(String id, Map<?, ?> m) {
    String entity = text(m.get("entity"));
    Optional<ClassBinding> cls = entity == null ? ranked().stream().findFirst() : classNamed(entity);
    if (cls.isEmpty()) {
      warnings.add(id + ": the entity '" + entity + "' is no class of the ontology");
      return Optional.empty();
    }
    List<String> columns = new ArrayList<>();
    if (m.get("columns") instanceof List<?> cols) {
      for (Object col : cols) {
        String name = String.valueOf(col);
        if (mappedSlot(cls.get(), name).isPresent()) {
          columns.add(name);
        } else {
          warnings.add(id + ": " + cls.get().className() + " has no mapped slot '" + name + "'; column left out");
        }
      }
    }
    if (columns.isEmpty()) {
      cls.get().slots().stream().filter(s -> s.column() != null && !s.multivalued()).limit(6)
          .forEach(s -> columns.add(s.slot()));
    }
    String title = text(m.get("title"));
    return Optional.of(new UiComponent(id, "data_table", title == null ? Names.pascal(Names.collection(
        cls.get().className())).replaceAll("([a-z])([A-Z])", "$1 $2") : title, cls.get().className(), null, null,
        null, null, null, columns, null, "input"));
  }

  private List<UiComponent> defaults() {
    Optional<ClassBinding> fact = ranked().stream().filter(c -> measure(c).isPresent()).findFirst();
    List<UiComponent> out = new ArrayList<>();
    if (fact.isEmpty()) {
      ClassBinding first = ranked().get(0);
      out.add(new UiComponent("kpi_card_1", "kpi_card", "Number of " + Names.collection(first.className())
          .replace('_', ' '), first.className(), "count", null, null, null, null, null, "count", "default"));
      out.add(tableOf(first, "data_table_2"));
      return out;
    }
    ClassBinding c = fact.get();
    SlotBinding measure = measure(c).orElseThrow();
    out.add(new UiComponent("kpi_card_1", "kpi_card", "Total " + label(measure.slot()), c.className(), "sum",
        measure.slot(), null, null, null, null, "total_" + measure.slot(), "default"));
    Optional<SlotBinding> time = c.slots().stream().filter(s -> s.column() != null
        && (s.baseType().equals("date") || s.baseType().equals("datetime"))).findFirst();
    if (time.isPresent()) {
      List<String> group = c.slots().stream().filter(s -> s.column() != null && (!s.enumValues().isEmpty()))
          .map(SlotBinding::slot).findFirst().map(List::of).orElse(List.of());
      out.add(new UiComponent("chart_2", "chart", label(measure.slot()) + " by " + label(time.get().slot())
          + (group.isEmpty() ? "" : " per " + label(group.get(0))), c.className(), "sum", measure.slot(),
          time.get().slot(), group, "line", null, null, "default"));
    }
    out.add(tableOf(c, "data_table_" + (out.size() + 1)));
    return out;
  }

  private UiComponent tableOf(ClassBinding c, String id) {
    List<String> columns = c.slots().stream().filter(s -> s.column() != null && !s.multivalued()).limit(6)
        .map(SlotBinding::slot).toList();
    return new UiComponent(id, "data_table", Names.pascal(Names.collection(c.className()))
        .replaceAll("([a-z])([A-Z])", "$1 $2"), c.className(), null, null, null, null, null, columns, null,
        "default");
  }

  /** Classes with the most references first (facts before dimensions), then in schema order. */
  private List<ClassBinding> ranked() {
    List<ClassBinding> out = new ArrayList<>(classes);
    out.sort((a, b) -> Integer.compare(b.references().size(), a.references().size()));
    return out;
  }

  /** A class's main numeric measure: a decimal/float slot named like an amount, else the first numeric one. */
  static Optional<SlotBinding> measure(ClassBinding c) {
    List<SlotBinding> numeric = c.slots().stream().filter(s -> s.mapped() && !s.identifier() && !s.reference()
        && ValueTypes.numeric(s.baseType())).toList();
    for (String name : MEASURE_NAMES) {
      for (SlotBinding s : numeric) {
        if (s.slot().toLowerCase(Locale.ROOT).contains(name) && !s.baseType().equals("integer")) {
          return Optional.of(s);
        }
      }
    }
    return numeric.stream().filter(s -> !s.baseType().equals("integer")).findFirst()
        .or(() -> numeric.stream().findFirst());
  }

  private Optional<ClassBinding> classNamed(String name) {
    String n = name.strip();
    return classes.stream().filter(c -> c.className().equalsIgnoreCase(n)
        || Names.snake(c.className()).equals(Names.snake(n)) || Names.collection(c.className()).equals(Names.snake(n)))
        .findFirst();
  }

  private static Optional<SlotBinding> mappedSlot(ClassBinding c, String name) {
    return c.slot(name).filter(s -> s.mapped() && !s.multivalued());
  }

  static String label(String name) {
    String spaced = Names.snake(name).replace('_', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
