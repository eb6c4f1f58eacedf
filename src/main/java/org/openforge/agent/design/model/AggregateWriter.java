package org.openforge.agent.design.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openforge.datasource.catalog.ColumnInfo;

/**
 * The aggregate model of one metric: the fact joined (left, along foreign keys) to the dimensions it is broken down
 * by, filtered, grouped by the dimensions and the period, ranked when asked; with the periods without activity as
 * zero rows when the requirement says so. Its tests: the grain is unique and complete, and the total reconciles
 * with the fact's.
 */
final class AggregateWriter {

  private final MetricBinding b;
  private final String name;
  private final ModelPlanner planner;
  private final Map<String, String> aliases = new LinkedHashMap<>();
  private final List<String> joins = new ArrayList<>();
  private final Set<String> upstream = new LinkedHashSet<>();

  AggregateWriter(MetricBinding b, String name, ModelPlanner planner) {
    this.b = b;
    this.name = name;
    this.planner = planner;
    aliases.put(b.fact().key(), "f");
    upstream.add(ModelPlanner.fact(b.fact()));
  }

  DataModel model() {
    List<String> select = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<DataModel.Column> columns = new ArrayList<>();
    Set<String> taken = new LinkedHashSet<>();
    for (MetricBinding.Dimension d : b.dimensions()) {
      String alias = alias(d.attribute().reach());
      ColumnInfo source = d.attribute().reach().node().table().column(d.attribute().column()).orElseThrow();
      String column = Sql.stagedCol(alias, d.attribute().column());
      String out = unique(taken, d.name());
      if (d.labelExpression() != null) {
        String id = unique(taken, out + "_id");
        select.add(column + " as " + Sql.id(id));
        select.add(d.labelExpression().replace("{t}", alias) + " as " + Sql.id(out));
        keys.add(id);
        keys.add(out);
        columns.add(new DataModel.Column(id, Sql.type(source), true, "key of " + d.why()));
        columns.add(new DataModel.Column(out, "varchar", true, d.phrase() + ": label of " + d.why()));
      } else {
        select.add(column + " as " + Sql.id(out));
        keys.add(out);
        columns.add(new DataModel.Column(out, Sql.type(source), true, d.phrase() + ": " + d.why()));
      }
    }
    String time = b.time() == null ? null : "f." + Sql.id(planner.factTime(b));
    String grain = b.metric().grain();
    String period = grain == null ? null : unique(taken, grain + "_start");
    if (period != null) {
      select.add(Sql.period(grain, time) + " as " + Sql.id(period));
      keys.add(period);
      columns.add(new DataModel.Column(period, "date", false, "first day of the " + grain));
    }
    int grouped = select.size();
    List<String> measures = measures(select, columns);
    List<String> where = new ArrayList<>();
    for (MetricBinding.Condition c : b.filters()) {
      boolean onTime = c.operator().equals("year") || c.operator().equals("recent");
      where.add(onTime ? condition(c, time) : condition(c, time).replace("{alias}", alias(c.attribute().reach())));
    }
    String from = "from " + DataModel.ref(ModelPlanner.fact(b.fact())) + " f" + (joins.isEmpty() ? ""
        : "\n" + String.join("\n", joins)) + (where.isEmpty() ? "" : "\nwhere " + String.join(" and ", where));
    String ordinals = ordinals(grouped);
    String core = "select " + String.join(",\n  ", select) + "\n" + from
        + (grouped == 0 ? "" : "\ngroup by " + ordinals);
    String main = measures.get(0);
    String sql;
    if (b.metric().ranking() != null) {
      sql = core + "\norder by " + Sql.id(main) + " " + b.metric().ranking().direction() + (ordinals.isEmpty() ? ""
          : ", " + ordinals) + "\nlimit " + b.metric().ranking().limit();
    } else if (b.metric().zeroFill() && period != null) {
      sql = zeroFilled(core, keys, period, grain, measures);
    } else {
      sql = core + (grouped == 0 ? "" : "\norder by " + ordinals);
    }
    List<DataModel.Test> tests = new ArrayList<>();
    if (period != null) {
      tests.add(Tests.notNull(name, period));
    }
    if (!keys.isEmpty()) {
      tests.add(Tests.uniqueCombination(name, keys.stream().filter(k -> !isLabel(k, keys)).toList()));
    }
    String reconciled = reconciledMeasure();
    if (reconciled != null && b.metric().ranking() == null) {
      String total = "count".equals(b.measure().aggregation()) ? "count(*)"
          : "coalesce(sum(f." + Sql.id(ModelPlanner.factMeasure(b)) + "), 0)";
      tests.add(Tests.reconciliation(name, reconciled, "select " + total + " " + from));
    }
    return new DataModel(name, "marts", "aggregate", b.metric().title() + " (" + b.requirementId() + "): "
        + b.measure().description() + " from " + b.fact().table().qualifiedName(), sql, columns,
        List.copyOf(upstream), tests, List.of(b.requirementId()));
  }

  /** A dimension's label column is not part of its grain: its key is. */
  private static boolean isLabel(String column, List<String> keys) {
    return keys.contains(column + "_id");
  }

  private List<String> measures(List<String> select, List<DataModel.Column> columns) {
    String m = Sql.name(b.measure().name());
    String fm = ModelPlanner.factMeasure(b);
    switch (b.measure().aggregation()) {
      case "count" -> {
        select.add("count(*) as " + Sql.id(m));
        columns.add(new DataModel.Column(m, "bigint", false, b.measure().description()));
        return List.of(m);
      }
      case "avg" -> {
        select.add("avg(f." + b.measure().expression() + ") as " + Sql.id(m));
        columns.add(new DataModel.Column(m, "float8", true, b.measure().description()));
        return List.of(m);
      }
      case "avg_per_order" -> {
        String key = "f." + Sql.id(Sql.staged(b.measure().countKey()));
        select.add("sum(f." + Sql.id(fm) + ") as revenue");
        select.add("count(distinct " + key + ") as order_count");
        select.add("sum(f." + Sql.id(fm) + ") / nullif(count(distinct " + key + "), 0) as " + Sql.id(m));
        columns.add(new DataModel.Column("revenue", "decimal(38,10)", true, "revenue of the orders"));
        columns.add(new DataModel.Column("order_count", "bigint", false, "distinct orders"));
        columns.add(new DataModel.Column(m, "decimal(38,10)", true, b.measure().description()));
        return List.of(m, "revenue", "order_count");
      }
      default -> {
        select.add("sum(f." + Sql.id(fm) + ") as " + Sql.id(m));
        columns.add(new DataModel.Column(m, "decimal(38,10)", true, b.measure().description()));
        return List.of(m);
      }
    }
  }

  private String reconciledMeasure() {
    return switch (b.measure().aggregation()) {
      case "avg" -> null;
      case "avg_per_order" -> "revenue";
      default -> Sql.name(b.measure().name());
    };
  }

  private String zeroFilled(String core, List<String> keys, String period, String grain, List<String> measures) {
    List<String> dims = keys.stream().filter(k -> !k.equals(period)).toList();
    StringBuilder s = new StringBuilder("with agg_rows as (\n").append(core).append("\n),\nperiods as (\n")
        .append("select cast(p as date) as ").append(Sql.id(period)).append(" from generate_series(")
        .append("(select cast(min(").append(Sql.id(period)).append(") as timestamp) from agg_rows), ")
        .append("(select cast(max(").append(Sql.id(period)).append(") as timestamp) from agg_rows), ")
        .append(Sql.step(grain)).append(") as g(p)\n)");
    if (!dims.isEmpty()) {
      s.append(",\ndim_keys as (select distinct ").append(String.join(", ", dims.stream().map(Sql::id).toList()))
          .append(" from agg_rows)");
    }
    List<String> select = new ArrayList<>();
    dims.forEach(d -> select.add("k." + Sql.id(d)));
    select.add("p." + Sql.id(period));
    measures.forEach(m -> select.add("coalesce(a." + Sql.id(m) + ", 0) as " + Sql.id(m)));
    List<String> on = new ArrayList<>();
    dims.forEach(d -> on.add("a." + Sql.id(d) + " is not distinct from k." + Sql.id(d)));
    on.add("a." + Sql.id(period) + " = p." + Sql.id(period));
    s.append("\nselect ").append(String.join(", ", select)).append("\nfrom ")
        .append(dims.isEmpty() ? "periods p" : "dim_keys k cross join periods p")
        .append("\nleft join agg_rows a on ").append(String.join(" and ", on))
        .append("\norder by ").append(ordinals(select.size() - measures.size()));
    return s.toString();
  }

  private static String ordinals(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(String.valueOf(i));
    }
    return String.join(", ", out);
  }

  private static String condition(MetricBinding.Condition c, String time) {
    return switch (c.operator()) {
      case "year" -> "extract(year from " + time + ") = " + Integer.parseInt(c.value());
      case "recent" -> time + " >= current_date - interval '" + c.value().replaceAll("[^0-9a-z ]", "") + "'";
      case "is_true" -> "{alias}." + Sql.id(Sql.staged(c.attribute().column())) + " = true";
      default -> "lower({alias}." + Sql.id(Sql.staged(c.attribute().column())) + ") = '"
          + c.value().toLowerCase().replace("'", "''") + "'";
    };
  }

  private String alias(TableGraph.Reach r) {
    String current = "f";
    for (TableGraph.Edge e : r.path()) {
      String from = current;
      current = aliases.computeIfAbsent(e.to().key(), k -> {
        String a = "d" + aliases.size();
        String dim = ModelPlanner.dimension(e.to());
        joins.add("left join " + DataModel.ref(dim) + " " + a + " on " + ModelPlanner.on(a, from, e.fk()));
        upstream.add(dim);
        return a;
      });
    }
    return current;
  }

  private static String unique(Set<String> taken, String wanted) {
    String name = wanted;
    for (int i = 2; !taken.add(name); i++) {
      name = wanted + "_" + i;
    }
    return name;
  }
}
