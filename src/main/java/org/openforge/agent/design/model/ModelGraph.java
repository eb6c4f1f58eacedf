package org.openforge.agent.design.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openforge.agent.discovery.requirements.Requirement;
import org.openforge.datasource.catalog.SourceCatalog;

/**
 * The model graph a design offers: the metric requirements bound to the catalog, the models that answer them
 * (staging → facts and dimensions → one aggregate per metric), the source tables they load, and the checks each
 * model passed before it was offered. Models whose SQL failed are listed as defects and left out.
 */
public record ModelGraph(List<Table> tables, List<DataModel> models, List<MetricStatus> metrics,
    List<ModelChecks.Check> checks, List<Defect> defects, List<String> method) {

  /** A source table the pipeline loads, under its name in the target. */
  public record Table(String name, @JsonProperty("source_id") String sourceId,
      @JsonProperty("source_table") String sourceTable, @JsonProperty("row_count") Long rowCount) {}

  /**
   * What became of a metric requirement: {@code bound} (its aggregate model is named), or {@code unbound} with the
   * exact word that found no column.
   */
  public record MetricStatus(String requirement, String title, String status, String model,
      @JsonProperty("fact_table") String factTable, String measure, List<String> dimensions,
      @JsonProperty("time_column") String timeColumn, List<String> filters, String reason) {}

  /** A model that was not offered, and why. */
  public record Defect(String model, String reason) {}

  /** A model as one SELECT over the tables named by {@code table} (upstream models as CTEs). */
  public String compile(String model, java.util.function.Function<String, String> table) {
    return compiler(table).model(model);
  }

  /** A test as one SELECT of its failing rows over the tables named by {@code table}. */
  public String compile(DataModel.Test test, java.util.function.Function<String, String> table) {
    return compiler(table).test(test);
  }

  /** The same graph with one model replaced (to see what its tests say of another SQL). */
  public ModelGraph with(DataModel replacement) {
    return new ModelGraph(tables, models.stream().map(m -> m.name().equals(replacement.name()) ? replacement : m)
        .toList(), metrics, checks, defects, method);
  }

  public java.util.Optional<DataModel> model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  private ModelCompiler compiler(java.util.function.Function<String, String> table) {
    Map<String, DataModel> byName = new LinkedHashMap<>();
    models.forEach(m -> byName.put(m.name(), m));
    return new ModelCompiler(byName, table);
  }

  /** Builds, checks and returns the graph of the metric requirements over the catalogs. */
  public static ModelGraph design(List<SourceCatalog> catalogs, List<Requirement> requirements,
      Map<String, List<String>> enums, ModelChecks.Source source) {
    TableGraph graph = TableGraph.of(catalogs);
    AskBinder binder = new AskBinder(graph);
    List<MetricBinding> bound = new ArrayList<>();
    List<MetricStatus> statuses = new ArrayList<>();
    Map<String, AskBinder.Result> results = new LinkedHashMap<>();
    for (Requirement r : requirements) {
      if (r.metric() != null) {
        results.put(r.id(), binder.bind(r.id(), r.metric()));
      }
    }
    sameFactPerMeasure(requirements, results, binder);
    for (Requirement r : requirements) {
      AskBinder.Result result = results.get(r.id());
      if (result == null) {
        continue;
      }
      if (result.binding() != null) {
        bound.add(result.binding());
      } else {
        statuses.add(new MetricStatus(r.id(), r.title(), "unbound", null, null, r.metric().measure(),
            List.of(), null, List.of(), result.unbound()));
      }
    }
    ModelPlanner planner = new ModelPlanner(enums);
    List<DataModel> models = planner.plan(bound, graph.nodes());
    ModelChecks checks = new ModelChecks(source);
    checks.run(models, planner.tables());
    Set<String> defective = checks.defects(models);
    List<Defect> defects = new ArrayList<>();
    for (String d : defective) {
      String why = checks.checks().stream().filter(c -> d.equals(c.model()) && "failed".equals(c.status()))
          .map(c -> c.check() + " on " + c.on() + ": " + c.error()).findFirst()
          .orElse("built on a model whose SQL failed");
      defects.add(new Defect(d, why));
    }
    List<DataModel> offered = models.stream().filter(m -> !defective.contains(m.name())).toList();
    for (MetricBinding b : bound) {
      DataModel aggregate = models.stream().filter(m -> m.requirements().contains(b.requirementId())).findFirst()
          .orElseThrow();
      boolean ok = !defective.contains(aggregate.name());
      statuses.add(new MetricStatus(b.requirementId(), b.metric().title(), ok ? "bound" : "defect",
          aggregate.name(), b.fact().table().qualifiedName(), b.measure().name() + " = " + b.measure().aggregation()
          + "(" + b.measure().expression() + ")", b.dimensions().stream().map(d -> d.phrase() + " → " + d.why())
          .toList(), b.time() == null ? null : b.time().reach().node().table().qualifiedName() + "."
          + b.time().column(), b.filters().stream().map(f -> f.phrase() + " → " + f.attribute().column()).toList(),
          ok ? null : "its SQL failed: " + defects.stream().filter(x -> x.model().equals(aggregate.name()))
              .findFirst().map(Defect::reason).orElse("")));
    }
    statuses.sort(java.util.Comparator.comparing(s -> requirements.stream().map(Requirement::id).toList()
        .indexOf(s.requirement())));
    Set<String> loaded = new java.util.HashSet<>();
    offered.forEach(m -> loaded.addAll(m.upstream()));
    List<Table> tables = planner.tables().stream().filter(n -> loaded.contains(n.name()))
        .map(n -> new Table(n.name(), n.sourceId(), n.table().qualifiedName(), n.table().rowCount())).toList();
    return new ModelGraph(tables, offered, statuses, checks.checks(), defects, notes());
  }

  /**
   * Metrics of one measure are built from one fact where a single fact answers them all (revenue by category and
   * by country from the invoice lines, not one from the lines and one from the invoices), the most detailed one.
   */
  private static void sameFactPerMeasure(List<Requirement> requirements, Map<String, AskBinder.Result> results,
      AskBinder binder) {
    Map<String, List<Requirement>> byMeasure = new LinkedHashMap<>();
    for (Requirement r : requirements) {
      AskBinder.Result res = results.get(r.id());
      if (res != null && res.binding() != null) {
        byMeasure.computeIfAbsent(r.metric().measure() + "|" + r.metric().aggregation(), k -> new ArrayList<>())
            .add(r);
      }
    }
    for (List<Requirement> group : byMeasure.values()) {
      List<TableGraph.Node> facts = group.stream().map(r -> results.get(r.id()).binding().fact()).distinct()
          .toList();
      if (facts.size() < 2) {
        continue;
      }
      for (TableGraph.Node fact : facts.stream().sorted(java.util.Comparator.comparingInt(
          (TableGraph.Node f) -> -depthBelow(f, facts, binder))).toList()) {
        Map<String, AskBinder.Result> rebound = new LinkedHashMap<>();
        for (Requirement r : group) {
          AskBinder.Result res = binder.bindOn(r.id(), r.metric(), fact);
          if (res == null || res.binding() == null) {
            rebound = null;
            break;
          }
          rebound.put(r.id(), res);
        }
        if (rebound != null) {
          results.putAll(rebound);
          break;
        }
      }
    }
  }

  /** How many of the other facts a fact reaches through its foreign keys (the lines reach the invoices). */
  private static int depthBelow(TableGraph.Node fact, List<TableGraph.Node> facts, AskBinder binder) {
    return (int) binder.reachable(fact).stream().filter(r -> !r.path().isEmpty() && facts.contains(r.node()))
        .count();
  }

  private static List<String> notes() {
    return List.of(
        "Metric requirements come from the requirements document (kind: metric). Each is bound to a fact table"
            + " with a column for its measure (revenue: a money column, else unit price × quantity; counts: the"
            + " rows of the table the measure names); dimensions are columns or entity tables reached from the"
            + " fact through foreign keys (an entity is grouped by its key and labelled by its name); the grain"
            + " truncates the event date of the fact or of the table it belongs to. An ask that cannot be bound"
            + " names the word that found no column.",
        "Models: staging (one per source table used: columns renamed to the ontology's snake_case names and cast"
            + " to the target's types), facts (the fact table with its measure and event date), dimensions (each"
            + " table reached), one aggregate per metric (left joins along foreign keys, grouped by the"
            + " dimensions and period; periods without activity as zero rows where the requirement asks). SQL is"
            + " valid on PostgreSQL and DuckDB and names its inputs as {{ ref('...') }}.",
        "Tests: unique and not_null keys, not_null foreign keys the source declares NOT NULL, relationships of"
            + " each foreign key to its dimension, accepted_values of enumerated columns, a unique grain per"
            + " aggregate and the reconciliation of its total with the fact's.",
        "Checks before a model is offered: on PostgreSQL sources, the model compiled over the source tables (CTEs"
            + " for upstream models) runs with LIMIT 0 and with a bounded result through the read-only agent SQL"
            + " tool, and each test counts its failing rows over the whole source; every model also runs in an"
            + " in-memory DuckDB over a sample of each source table. A model whose SQL fails is a defect and is"
            + " not offered, nor are the models built on it.");
  }
}
