package org.openforge.agent.design.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.TableInfo;

/**
 * Writes the model graph of the bound metrics: a staging model per source table (columns renamed to the
 * ontology's snake_case names and cast to the target's types), a fact per business process (the fact table with
 * its measures and event date), a dimension per table reached, and one aggregate per metric at its grain and
 * dimensions, each with its tests. Every join follows a foreign key and is a left join, so facts whose dimension
 * is missing still count (and the relationships test says how many there are).
 */
final class ModelPlanner {

  private final Map<String, TableGraph.Node> used = new LinkedHashMap<>();
  private final Map<String, TableGraph.Node> facts = new LinkedHashMap<>();
  private final Set<String> edges = new TreeSet<>();
  private final Map<String, List<String>> enums;
  private final Map<String, Map<String, String>> factColumns = new LinkedHashMap<>();
  private final Map<String, String> factTimes = new LinkedHashMap<>();

  /** @param enums permitted values of enumerated columns, by {@code schema.table.column} */
  ModelPlanner(Map<String, List<String>> enums) {
    this.enums = enums;
  }

  static String staging(TableGraph.Node n) {
    return "stg_" + n.name();
  }

  static String fact(TableGraph.Node n) {
    return "fct_" + n.name();
  }

  static String dimension(TableGraph.Node n) {
    return "dim_" + n.name();
  }

  /**
   * @param sourceTables every table of the attached sources: each is loaded and staged (junction tables too), so
   *     the target holds all the data, not only what today's metrics read
   */
  List<DataModel> plan(List<MetricBinding> bindings, List<TableGraph.Node> sourceTables) {
    sourceTables.stream().filter(n -> !n.table().kind().contains("view")).forEach(this::use);
    for (MetricBinding b : bindings) {
      use(b.fact());
      facts.put(b.fact().key(), b.fact());
      b.dimensions().forEach(d -> path(d.attribute().reach()));
      b.filters().forEach(f -> path(f.attribute().reach()));
      if (b.time() != null) {
        path(b.time().reach());
      }
    }
    for (MetricBinding b : bindings) {
      Map<String, String> measures = factColumns.computeIfAbsent(b.fact().key(), k -> new LinkedHashMap<>());
      String column = factMeasure(b);
      if (column != null) {
        measures.putIfAbsent(column, b.measure().expression());
      }
    }
    List<DataModel> models = new ArrayList<>();
    used.values().forEach(n -> models.add(stagingModel(n)));
    facts.values().forEach(n -> models.add(factModel(n, bindings)));
    used.values().stream().filter(n -> isDimension(n)).forEach(n -> models.add(dimensionModel(n)));
    Set<String> names = new TreeSet<>(models.stream().map(DataModel::name).toList());
    for (MetricBinding b : bindings) {
      String name = Sql.name(b.metric().title());
      for (int i = 2; !names.add(name); i++) {
        name = Sql.name(b.metric().title()) + "_" + i;
      }
      models.add(new AggregateWriter(b, name, this).model());
    }
    return models;
  }

  List<TableGraph.Node> tables() {
    return List.copyOf(used.values());
  }

  /** The fact's column holding the binding's measure, or null when it aggregates rows or an existing column. */
  static String factMeasure(MetricBinding b) {
    return switch (b.measure().aggregation()) {
      case "count", "avg" -> null;
      case "avg_per_order" -> "revenue";
      default -> Sql.name(b.measure().name().equals("lifetime_value") ? "revenue" : b.measure().name());
    };
  }

  /** The fact's column holding the binding's event date. */
  String factTime(MetricBinding b) {
    return b.time() == null ? null : b.time().reach().path().isEmpty() ? Sql.staged(b.time().column())
        : factTimes.get(b.fact().key() + "|" + b.time().reach().node().key() + "." + b.time().column());
  }

  boolean isDimension(TableGraph.Node n) {
    return edges.stream().anyMatch(e -> e.endsWith(">" + n.key()));
  }

  private void use(TableGraph.Node n) {
    used.putIfAbsent(n.key(), n);
  }

  private void path(TableGraph.Reach r) {
    for (TableGraph.Edge e : r.path()) {
      use(e.from());
      use(e.to());
      edges.add(e.from().key() + ">" + e.to().key());
    }
  }

  // ---- staging ----

  private DataModel stagingModel(TableGraph.Node n) {
    TableInfo t = n.table();
    List<String> select = new ArrayList<>();
    List<DataModel.Column> columns = new ArrayList<>();
    for (ColumnInfo c : t.columns()) {
      String name = Sql.staged(c.name());
      select.add(Sql.cast(c, "csv".equals(n.sourceType())) + " as " + Sql.id(name));
      columns.add(new DataModel.Column(name, Sql.type(c), !Boolean.FALSE.equals(c.nullable())
          && !t.primaryKey().contains(c.name()), "source column " + t.qualifiedName() + "." + c.name() + " ("
          + c.nativeType() + ")"));
    }
    String model = staging(n);
    String sql = "select " + String.join(",\n  ", select) + "\nfrom " + DataModel.ref(n.name());
    List<DataModel.Test> tests = new ArrayList<>(keyTests(model, t));
    for (ForeignKey fk : t.foreignKeys()) {
      for (String c : fk.columns()) {
        if (t.column(c).map(ci -> Boolean.FALSE.equals(ci.nullable())).orElse(false)) {
          tests.add(Tests.notNull(model, Sql.staged(c)));
        }
      }
    }
    for (ColumnInfo c : t.columns()) {
      List<String> values = enums.get(t.qualifiedName() + "." + c.name());
      if (values != null && !values.isEmpty()) {
        tests.add(Tests.acceptedValues(model, Sql.staged(c.name()), values));
      }
    }
    return new DataModel(model, "staging", "staging", "Source table " + t.qualifiedName() + " renamed to the"
        + " ontology's names and cast to the target's types", sql, columns, List.of(n.name()), tests, List.of());
  }

  private static List<DataModel.Test> keyTests(String model, TableInfo t) {
    if (t.primaryKey().size() != 1) {
      return List.of();
    }
    String key = Sql.staged(t.primaryKey().get(0));
    return List.of(Tests.unique(model, key), Tests.notNull(model, key));
  }

  // ---- facts and dimensions ----

  private DataModel factModel(TableGraph.Node n, List<MetricBinding> bindings) {
    String model = fact(n);
    List<String> select = new ArrayList<>(List.of("s.*"));
    List<DataModel.Column> columns = new ArrayList<>(stagingModel(n).columns());
    List<String> joins = new ArrayList<>();
    List<String> upstream = new ArrayList<>(List.of(staging(n)));
    factColumns.getOrDefault(n.key(), Map.of()).forEach((name, expression) -> {
      select.add(expression.replaceAll("(?<![.\\w])([a-z_][a-z0-9_]*|\"[^\"]+\")(?![\\w(])", "s.$1") + " as "
          + Sql.id(name));
      columns.add(new DataModel.Column(name, "decimal(38,10)", true, "measure: " + expression));
    });
    int j = 0;
    Set<String> names = new TreeSet<>(columns.stream().map(DataModel.Column::name).toList());
    for (MetricBinding b : bindings) {
      if (!b.fact().key().equals(n.key()) || b.time() == null || b.time().reach().path().isEmpty()) {
        continue;
      }
      String key = n.key() + "|" + b.time().reach().node().key() + "." + b.time().column();
      if (factTimes.containsKey(key)) {
        continue;
      }
      TableGraph.Edge e = b.time().reach().path().get(0);
      String alias = "h" + ++j;
      joins.add("left join " + DataModel.ref(staging(e.to())) + " " + alias + " on " + on(alias, "s", e.fk()));
      upstream.add(staging(e.to()));
      String name = Sql.staged(b.time().column());
      name = names.add(name) ? name : Sql.name(e.to().name() + "_" + name);
      names.add(name);
      select.add(Sql.stagedCol(alias, b.time().column()) + " as " + Sql.id(name));
      columns.add(new DataModel.Column(name, "date", true, "event date " + e.to().table().qualifiedName() + "."
          + b.time().column() + " through " + String.join(",", e.fk().columns())));
      factTimes.put(key, name);
    }
    String sql = "select " + String.join(",\n  ", select) + "\nfrom " + DataModel.ref(staging(n)) + " s"
        + (joins.isEmpty() ? "" : "\n" + String.join("\n", joins));
    List<DataModel.Test> tests = new ArrayList<>(keyTests(model, n.table()));
    tests.addAll(relationships(model, n));
    return new DataModel(model, "marts", "fact", "Facts of " + n.table().qualifiedName() + ": one row per source"
        + " row, with its measures and event date", sql, columns, upstream, tests, List.of());
  }

  private DataModel dimensionModel(TableGraph.Node n) {
    String model = dimension(n);
    List<DataModel.Test> tests = new ArrayList<>(keyTests(model, n.table()));
    tests.addAll(relationships(model, n));
    Optional<String> key = undeclaredKey(n);
    // a key the source does not declare unique (a CSV file's inferred key) may repeat: one row per key, so facts
    // joined to the dimension are not counted twice (schema validation reports the duplicates)
    String sql = key.map(k -> "select distinct on (" + Sql.id(k) + ") *\nfrom " + DataModel.ref(staging(n))
        + "\norder by " + Sql.id(k)).orElse("select *\nfrom " + DataModel.ref(staging(n)));
    String description = "Dimension " + n.table().qualifiedName() + key.map(k -> ": one row per " + k
        + " (not declared unique in the source; of duplicates the first is kept)").orElse("");
    return new DataModel(model, "marts", "dimension", description, sql, stagingModel(n).columns(),
        List.of(staging(n)), tests, List.of());
  }

  /** The one column facts join this table on, when the source declares no primary key or unique constraint on it. */
  private Optional<String> undeclaredKey(TableGraph.Node n) {
    TreeSet<String> keys = new TreeSet<>();
    for (String edge : edges) {
      if (!edge.endsWith(">" + n.key())) {
        continue;
      }
      TableGraph.Node child = used.get(edge.substring(0, edge.indexOf('>')));
      for (ForeignKey fk : child.table().foreignKeys()) {
        if (fk.referencedTable().equals(n.table().name())
            && (fk.referencedSchema() == null || fk.referencedSchema().equals(n.table().schema()))) {
          keys.add(String.join(",", fk.referencedColumns()));
        }
      }
    }
    if (keys.size() != 1 || keys.first().contains(",")) {
      return Optional.empty();
    }
    String key = keys.first();
    boolean declared = n.table().primaryKey().equals(List.of(key)) || n.table().uniqueConstraints().stream()
        .anyMatch(u -> u.columns().equals(List.of(key)));
    return declared ? Optional.empty() : Optional.of(Sql.staged(key));
  }

  /** A relationships test per single-column foreign key of the table whose parent is a dimension here. */
  private List<DataModel.Test> relationships(String model, TableGraph.Node n) {
    List<DataModel.Test> out = new ArrayList<>();
    for (String edge : edges) {
      if (!edge.startsWith(n.key() + ">")) {
        continue;
      }
      TableGraph.Node parent = used.get(edge.substring(edge.indexOf('>') + 1));
      for (ForeignKey fk : n.table().foreignKeys()) {
        if (fk.columns().size() == 1 && fk.referencedTable().equals(parent.table().name())
            && (fk.referencedSchema() == null || fk.referencedSchema().equals(parent.table().schema()))) {
          out.add(Tests.relationships(model, Sql.staged(fk.columns().get(0)), dimension(parent),
              Sql.staged(fk.referencedColumns().get(0))));
        }
      }
    }
    return out;
  }

  static String on(String parentAlias, String childAlias, ForeignKey fk) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < fk.columns().size(); i++) {
      parts.add(Sql.stagedCol(parentAlias, fk.referencedColumns().get(i)) + " = " + Sql.stagedCol(childAlias,
          fk.columns().get(i)));
    }
    return String.join(" and ", parts);
  }
}
