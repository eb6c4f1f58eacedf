package org.openforge.agent.design.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;

/**
 * The tables of the attached sources and their foreign keys, walked from a fact table outwards (child to parent),
 * which is how a dimension is reached "however many joins away".
 */
final class TableGraph {

  /** A table of a source. {@code name} is its name in the target (the table name; schema-prefixed on clashes). */
  record Node(String sourceId, String sourceType, TableInfo table, String name) {
    String key() {
      return sourceId + ":" + table.qualifiedName();
    }
  }

  /** A foreign key from {@code from} to {@code to}. */
  record Edge(Node from, ForeignKey fk, Node to) {}

  /** A table reached from a start table, with the foreign keys followed to reach it. */
  record Reach(Node node, List<Edge> path) {}

  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, List<Edge>> out = new LinkedHashMap<>();

  static TableGraph of(List<SourceCatalog> catalogs) {
    TableGraph g = new TableGraph();
    Map<String, Integer> names = new LinkedHashMap<>();
    catalogs.forEach(c -> c.tables().forEach(t -> names.merge(t.name().toLowerCase(), 1, Integer::sum)));
    for (SourceCatalog c : catalogs) {
      for (TableInfo t : c.tables()) {
        String base = t.name().toLowerCase();
        String name = names.get(base) > 1 && t.schema() != null ? t.schema().toLowerCase() + "_" + base : base;
        g.nodes.add(new Node(c.sourceId(), c.sourceType(), t, Sql.name(name)));
      }
    }
    for (Node n : g.nodes) {
      List<Edge> edges = new ArrayList<>();
      for (ForeignKey fk : n.table().foreignKeys()) {
        g.find(n.sourceId(), fk.referencedSchema(), fk.referencedTable()).ifPresent(to -> edges.add(new Edge(n, fk,
            to)));
      }
      g.out.put(n.key(), edges);
    }
    return g;
  }

  List<Node> nodes() {
    return nodes;
  }

  List<Edge> edges(Node n) {
    return out.getOrDefault(n.key(), List.of());
  }

  private Optional<Node> find(String sourceId, String schema, String table) {
    return nodes.stream().filter(n -> n.sourceId().equals(sourceId) && n.table().name().equals(table)
        && (schema == null || schema.equals(n.table().schema()))).findFirst();
  }

  /** Every table reachable from {@code start} through at most {@code depth} foreign keys, nearest first. */
  List<Reach> reachable(Node start, int depth) {
    List<Reach> found = new ArrayList<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    Deque<Reach> queue = new ArrayDeque<>();
    queue.add(new Reach(start, List.of()));
    seen.put(start.key(), true);
    while (!queue.isEmpty()) {
      Reach r = queue.poll();
      found.add(r);
      if (r.path().size() >= depth) {
        continue;
      }
      for (Edge e : edges(r.node())) {
        if (seen.putIfAbsent(e.to().key(), true) == null) {
          List<Edge> path = new ArrayList<>(r.path());
          path.add(e);
          queue.add(new Reach(e.to(), List.copyOf(path)));
        }
      }
    }
    return found;
  }
}
