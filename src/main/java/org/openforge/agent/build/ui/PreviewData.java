package org.openforge.agent.build.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.SourceSet;
import org.openforge.datasource.SqlDialect;
import org.openforge.agent.build.TableRef;
import org.openforge.agent.build.ValueTypes;
import org.openforge.agent.tool.ToolOutcome;
import org.openforge.datasource.catalog.QueryResult;

/**
 * Queries the data each component shows, now, from the source: aggregates and joins pushed down as SQL when every
 * class involved lives in one database; otherwise (CSV files, several sources) computed from the first rows of each
 * table ({@code sample_rows}, at most 200), which the component's scope then says. Dates with more than
 * {@value #MAX_POINTS} distinct days are charted by month.
 */
public final class PreviewData {

  static final int TABLE_ROWS = 20;
  static final int MAX_POINTS = 62;
  static final int MAX_SERIES = 12;

  private final SourceSet sources;
  private final Map<String, ClassBinding> classes = new LinkedHashMap<>();
  private final java.util.function.Function<ClassBinding, Optional<TableRef>> tables;
  private final Map<String, List<Map<String, Object>>> samples = new HashMap<>();

  public PreviewData(SourceSet sources, List<ClassBinding> served,
      java.util.function.Function<ClassBinding, Optional<TableRef>> tables) {
    this.sources = sources;
    served.forEach(c -> classes.put(c.className(), c));
    this.tables = tables;
  }

  public ComponentData data(UiComponent c) {
    return switch (c.type()) {
      case "kpi_card" -> kpi(c);
      case "chart" -> chart(c);
      case "data_table" -> table(c);
      default -> throw new IllegalArgumentException("unknown component type " + c.type());
    };
  }

  private ComponentData kpi(UiComponent c) {
    ClassBinding cls = classes.get(c.className());
    TableRef t = tables.apply(cls).orElseThrow();
    if (t.source().jdbc()) {
      SqlDialect d = t.source().dialect();
      String expr = c.function().equals("count") ? "count(*)"
          : c.function() + "(" + column(d, "", cls.slot(c.measure()).orElseThrow()) + ")";
      String sql = "select " + expr + " from " + t.sql();
      ToolOutcome out = sources.trySql(t.source().id(), sql, List.of(), 1);
      if (!out.ok()) {
        return ComponentData.failed(c.id(), out.message(), List.of(sql));
      }
      Object v = ((QueryResult) out.result()).rows().get(0).get(0);
      return new ComponentData(c.id(), number(v), null, null, null, null, null, null, "all rows of "
          + t.sampleName(), List.of(sql), null);
    }
    List<Map<String, Object>> rows = rows(cls);
    BigDecimal value = aggregate(c.function(), rows.stream().map(r -> c.measure() == null ? null
        : r.get(c.measure())).toList(), rows.size());
    return new ComponentData(c.id(), value, null, null, null, null, null, null, scope(cls), List.of("sample_rows "
        + t.sampleName()), null);
  }

  private ComponentData chart(UiComponent c) {
    ClassBinding fact = classes.get(c.className());
    List<ClassBinding> hops = new ArrayList<>();
    ClassBinding current = fact;
    for (int i = 0; i < c.groupPath().size() - 1; i++) {
      SlotBinding ref = current.slot(c.groupPath().get(i)).orElseThrow();
      current = classes.get(ref.referencedClass());
      hops.add(current);
    }
    ClassBinding groupClass = current;
    List<ClassBinding> involved = new ArrayList<>(hops);
    involved.add(0, fact);
    TableRef ft = tables.apply(fact).orElseThrow();
    boolean pushDown = ft.source().jdbc() && involved.stream().allMatch(x -> tables.apply(x)
        .map(t -> t.source().id().equals(ft.source().id())).orElse(false));
    String xBase = fact.slot(c.xAxis()).map(SlotBinding::baseType).orElse("string");
    Map<String, Map<String, BigDecimal>> points = new TreeMap<>();
    List<String> queries = new ArrayList<>();
    String scope;
    if (pushDown) {
      SqlDialect d = ft.source().dialect();
      // the fact table keeps its table name as alias: computed slots name their table
      String f = d.quote(ft.info().name());
      StringBuilder from = new StringBuilder(ft.sql() + " " + f);
      String prev = f;
      ClassBinding prevClass = fact;
      for (int i = 0; i < hops.size(); i++) {
        SlotBinding ref = prevClass.slot(c.groupPath().get(i)).orElseThrow();
        ClassBinding next = hops.get(i);
        SlotBinding id = next.identifierSlot().orElseThrow();
        String alias = d.quote("openforge_j" + (i + 1));
        from.append(" left join ").append(tables.apply(next).orElseThrow().sql()).append(' ').append(alias)
            .append(" on ").append(alias).append('.').append(d.quote(id.column())).append(" = ").append(prev)
            .append('.').append(d.quote(ref.column()));
        prev = alias;
        prevClass = next;
      }
      String x = column(d, f + ".", fact.slot(c.xAxis()).orElseThrow());
      String g = c.groupBy() == null ? "null" : column(d, prev + ".", groupClass.slot(c.groupBy()).orElseThrow());
      String y = c.function().equals("count") ? "count(*)"
          : c.function() + "(" + column(d, f + ".", fact.slot(c.measure()).orElseThrow()) + ")";
      String sql = "select " + x + ", " + g + ", " + y + " from " + from + " group by " + x
          + (c.groupBy() == null ? "" : ", " + g) + " order by 1, 2";
      queries.add(sql);
      ToolOutcome out = sources.trySql(ft.source().id(), sql, List.of(), 1000);
      if (!out.ok()) {
        return ComponentData.failed(c.id(), out.message(), queries);
      }
      QueryResult result = (QueryResult) out.result();
      for (List<Object> row : result.rows()) {
        String xv = row.get(0) == null ? null : text(row.get(0));
        if (xv != null && row.get(2) != null) {
          points.computeIfAbsent(xv, k -> new TreeMap<>()).merge(row.get(1) == null ? "(none)" : text(row.get(1)),
              number(row.get(2)), BigDecimal::add);
        }
      }
      scope = "all rows of " + ft.sampleName() + (result.truncated() ? " (first 1000 groups)" : "");
    } else {
      Map<String, Map<String, Object>> byId = new HashMap<>();
      List<Map<String, Map<String, Object>>> indexes = new ArrayList<>();
      for (ClassBinding hop : hops) {
        byId = new HashMap<>();
        SlotBinding id = hop.identifierSlot().orElseThrow();
        for (Map<String, Object> r : rows(hop)) {
          if (r.get(id.slot()) != null) {
            byId.putIfAbsent(text(r.get(id.slot())), r);
          }
        }
        indexes.add(byId);
        queries.add("sample_rows " + tables.apply(hop).orElseThrow().sampleName());
      }
      queries.add(0, "sample_rows " + ft.sampleName());
      for (Map<String, Object> r : rows(fact)) {
        Object xv = r.get(c.xAxis());
        if (xv == null) {
          continue;
        }
        Map<String, Object> at = r;
        for (int i = 0; i < hops.size() && at != null; i++) {
          Object key = at.get(c.groupPath().get(i));
          at = key == null ? null : indexes.get(i).get(text(key));
        }
        String group = c.groupBy() == null ? null : at == null || at.get(c.groupBy()) == null ? "(none)"
            : text(at.get(c.groupBy()));
        BigDecimal y;
        if (c.function().equals("count")) {
          y = BigDecimal.ONE;
        } else {
          Optional<Object> v = ValueTypes.convert(r.get(c.measure()), "decimal");
          if (v.isEmpty()) {
            continue;
          }
          y = (BigDecimal) v.get();
        }
        points.computeIfAbsent(text(xv), k -> new TreeMap<>()).merge(group == null ? "(all)" : group, y,
            BigDecimal::add);
      }
      scope = scope(fact);
    }
    String grain = "value";
    if ((xBase.equals("date") || xBase.equals("datetime")) && points.size() > MAX_POINTS) {
      Map<String, Map<String, BigDecimal>> months = new TreeMap<>();
      points.forEach((x, groups) -> groups.forEach((g, v) -> months.computeIfAbsent(x.length() >= 7
          ? x.substring(0, 7) : x, k -> new TreeMap<>()).merge(g, v, BigDecimal::add)));
      points = months;
      grain = "month";
    } else if (xBase.equals("date") || xBase.equals("datetime")) {
      grain = "day";
    }
    List<String> xs = new ArrayList<>(points.keySet());
    if (ValueTypes.numeric(xBase)) {
      xs.sort((a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)));
    }
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    points.values().forEach(groups -> groups.forEach((g, v) -> totals.merge(g, v, BigDecimal::add)));
    List<String> names = new ArrayList<>(new TreeSet<>(totals.keySet()));
    if (names.size() > MAX_SERIES) {
      names.sort((a, b) -> totals.get(b).compareTo(totals.get(a)));
      names = new ArrayList<>(new TreeSet<>(names.subList(0, MAX_SERIES - 1)));
    }
    List<ComponentData.Series> series = new ArrayList<>();
    final Map<String, Map<String, BigDecimal>> finalPoints = points;
    for (String name : names) {
      series.add(new ComponentData.Series(name, xs.stream().map(x -> finalPoints.get(x).get(name)).toList()));
    }
    if (names.size() < totals.size()) {
      List<String> kept = names;
      series.add(new ComponentData.Series("Other", xs.stream().map(x -> finalPoints.get(x).entrySet().stream()
          .filter(e -> !kept.contains(e.getKey())).map(Map.Entry::getValue).reduce(BigDecimal::add).orElse(null))
          .toList()));
    }
    return new ComponentData(c.id(), null, xs, series, grain, null, null, null, scope, queries, null);
  }

  private ComponentData table(UiComponent c) {
    ClassBinding cls = classes.get(c.className());
    TableRef t = tables.apply(cls).orElseThrow();
    List<List<Object>> rows = new ArrayList<>();
    if (t.source().jdbc()) {
      SqlDialect d = t.source().dialect();
      List<String> items = c.columns().stream().map(s -> column(d, "", cls.slot(s).orElseThrow()) + " as "
          + d.quote(s)).toList();
      String order = cls.identifierSlot().filter(s -> s.column() != null).map(s -> d.quote(s.column()))
          .orElse("1");
      String sql = "select " + String.join(", ", items) + " from " + t.sql() + " order by " + order + " limit "
          + TABLE_ROWS;
      String count = "select count(*) from " + t.sql();
      ToolOutcome out = sources.trySql(t.source().id(), sql, List.of(), TABLE_ROWS);
      if (!out.ok()) {
        return ComponentData.failed(c.id(), out.message(), List.of(sql));
      }
      ((QueryResult) out.result()).rows().forEach(r -> rows.add(new ArrayList<>(r)));
      long total = number(sources.sql(t.source().id(), count, List.of(), 1).rows().get(0).get(0)).longValue();
      return new ComponentData(c.id(), null, null, null, null, c.columns(), rows, total, "all rows of "
          + t.sampleName(), List.of(sql, count), null);
    }
    List<Map<String, Object>> all = new ArrayList<>(rows(cls));
    Optional<SlotBinding> id = cls.identifierSlot().filter(s -> s.column() != null);
    if (id.isPresent()) {
      boolean numeric = ValueTypes.numeric(id.get().baseType());
      all.sort((a, b) -> compare(a.get(id.get().slot()), b.get(id.get().slot()), numeric));
    }
    all.stream().limit(TABLE_ROWS).forEach(r -> rows.add(c.columns().stream().map(r::get).toList()));
    return new ComponentData(c.id(), null, null, null, null, c.columns(), rows, (long) t.rows(), scope(cls),
        List.of("sample_rows " + t.sampleName()), null);
  }

  /** The first rows of a class's table as slot → value (text; empty cells are null). */
  private List<Map<String, Object>> rows(ClassBinding cls) {
    return samples.computeIfAbsent(cls.className(), k -> {
      TableRef t = tables.apply(cls).orElseThrow();
      QueryResult sample = sources.sample(t, 200);
      List<Map<String, Object>> out = new ArrayList<>();
      for (List<Object> raw : sample.rows()) {
        Map<String, Object> row = new HashMap<>();
        for (SlotBinding s : cls.slots()) {
          int i = s.column() == null ? -1 : sample.columns().indexOf(s.column());
          Object v = i < 0 ? null : raw.get(i);
          row.put(s.slot(), v instanceof String str && str.isEmpty() ? null : v);
        }
        out.add(row);
      }
      return out;
    });
  }

  private String scope(ClassBinding cls) {
    TableRef t = tables.apply(cls).orElseThrow();
    int n = rows(cls).size();
    return n >= t.rows() ? "all " + n + " rows of " + t.sampleName()
        : "the first " + n + " of " + t.rows() + " rows of " + t.sampleName();
  }

  private static String column(SqlDialect d, String prefix, SlotBinding s) {
    return s.column() != null ? prefix + d.quote(s.column()) : "(" + s.expression() + ")";
  }

  static BigDecimal aggregate(String function, List<Object> values, int rows) {
    if (function.equals("count")) {
      return BigDecimal.valueOf(rows);
    }
    List<BigDecimal> numbers = values.stream().map(v -> ValueTypes.convert(v, "decimal"))
        .flatMap(Optional::stream).map(v -> (BigDecimal) v).toList();
    if (numbers.isEmpty()) {
      return null;
    }
    return switch (function) {
      case "sum" -> numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      case "avg" -> numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
          .divide(BigDecimal.valueOf(numbers.size()), MathContext.DECIMAL64);
      case "min" -> numbers.stream().min(BigDecimal::compareTo).orElseThrow();
      case "max" -> numbers.stream().max(BigDecimal::compareTo).orElseThrow();
      default -> throw new IllegalArgumentException("unknown function " + function);
    };
  }

  private static int compare(Object a, Object b, boolean numeric) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (numeric) {
      Optional<Object> x = ValueTypes.convert(a, "decimal");
      Optional<Object> y = ValueTypes.convert(b, "decimal");
      if (x.isPresent() && y.isPresent()) {
        return ((BigDecimal) x.get()).compareTo((BigDecimal) y.get());
      }
    }
    return text(a).compareTo(text(b));
  }

  private static BigDecimal number(Object v) {
    if (v == null) {
      return null;
    }
    return (BigDecimal) ValueTypes.convert(v, "decimal").orElseThrow(() -> new IllegalStateException(
        "not a number: " + v));
  }

  private static String text(Object v) {
    return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
  }
}
