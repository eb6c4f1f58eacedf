package org.openforge.agent.design.model;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openforge.datasource.catalog.QueryResult;

/**
 * Runs every generated model before it is offered. On a PostgreSQL source, each model compiled over the source
 * tables runs with {@code LIMIT 0} (it parses and its columns resolve) and on a bounded result, and each test counts
 * its failing rows over the whole source, through the agent's read-only SQL tool. Every model also runs in an
 * in-memory DuckDB (the embedded target's engine) over a bounded sample of each source table, so SQL that only one
 * target reads is caught for every source type. A model whose SQL fails anywhere is a defect: it and the models
 * built on it are not offered.
 */
public final class ModelChecks {

  static final int RESULT_ROWS = 200;
  static final int SAMPLE_ROWS = 200;

  /** Runs SQL on a source through the agent's guarded tool, or says why it could not. */
  public interface Source {
    Outcome query(String sourceId, String sql, int maxRows);

    Outcome sample(String sourceId, String table, int maxRows);
  }

  /** The rows of a query, or its error. */
  public record Outcome(QueryResult result, String error) {}

  /** One check: {@code limit_0}, {@code bounded_result} or {@code test}, {@code on} source or sample. */
  public record Check(String model, String test, String check, String on, String sourceId, String status, Long rows,
      String error) {}

  private final Source source;
  private final List<Check> checks = new ArrayList<>();
  private final Set<String> failed = new LinkedHashSet<>();

  ModelChecks(Source source) {
    this.source = source;
  }

  List<Check> checks() {
    return checks;
  }

  /** The models whose SQL failed, and those built on them. */
  Set<String> defects(List<DataModel> models) {
    Set<String> out = new LinkedHashSet<>(failed);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (DataModel m : models) {
        if (!out.contains(m.name()) && m.upstream().stream().anyMatch(out::contains)) {
          out.add(m.name());
          grew = true;
        }
      }
    }
    return out;
  }

  void run(List<DataModel> models, List<TableGraph.Node> tables) {
    Map<String, DataModel> byName = new LinkedHashMap<>();
    models.forEach(m -> byName.put(m.name(), m));
    Map<String, TableGraph.Node> byTable = new LinkedHashMap<>();
    tables.forEach(t -> byTable.put(t.name(), t));
    onSources(models, byName, byTable);
    onSample(models, byName, byTable);
  }

  private void onSources(List<DataModel> models, Map<String, DataModel> byName, Map<String, TableGraph.Node> t) {
    ModelCompiler compiler = new ModelCompiler(byName, name -> qualified(t.get(name)));
    for (DataModel m : models) {
      Set<String> sources = sources(compiler, m, byName, t);
      if (sources.size() != 1) {
        continue;
      }
      String sourceId = sources.iterator().next();
      String type = t.values().stream().filter(n -> n.sourceId().equals(sourceId)).findFirst().orElseThrow()
          .sourceType();
      if (!"postgresql".equals(type)) {
        continue;
      }
      String sql = compiler.model(m.name());
      boolean ok = record(m.name(), null, "limit_0", "source", sourceId,
          source.query(sourceId, "select * from (" + sql + ") m limit 0", 1));
      ok = ok && record(m.name(), null, "bounded_result", "source", sourceId,
          source.query(sourceId, "select * from (" + sql + ") m limit " + RESULT_ROWS, RESULT_ROWS));
      if (!ok) {
        continue;
      }
      for (DataModel.Test test : m.tests()) {
        Outcome o = source.query(sourceId, "select count(*) as failing_rows from (" + compiler.test(test) + ") t",
            1);
        Long failing = o.error() == null ? number(o.result().rows().get(0).get(0)) : null;
        checks.add(new Check(m.name(), test.name(), "test", "source", sourceId, o.error() != null ? "error"
            : failing == 0 ? "passed" : "failed", failing, o.error()));
      }
    }
  }

  private void onSample(List<DataModel> models, Map<String, DataModel> byName, Map<String, TableGraph.Node> t) {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      Map<String, String> loaded = new LinkedHashMap<>();
      for (TableGraph.Node n : t.values()) {
        Outcome o = source.sample(n.sourceId(), n.table().qualifiedName(), SAMPLE_ROWS);
        if (o.error() != null) {
          checks.add(new Check(n.name(), null, "sample", "sample", n.sourceId(), "error", null, o.error()));
          continue;
        }
        load(duck, "raw_" + n.name(), o.result());
        loaded.put(n.name(), "raw_" + n.name());
      }
      ModelCompiler compiler = new ModelCompiler(byName, name -> loaded.getOrDefault(name, "missing_" + name));
      for (DataModel m : models) {
        String sql = "select * from (" + compiler.model(m.name()) + ") m limit " + RESULT_ROWS;
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
          long rows = 0;
          while (rs.next()) {
            rows++;
          }
          checks.add(new Check(m.name(), null, "bounded_result", "sample", null, "passed", rows, null));
        } catch (SQLException e) {
          failed.add(m.name());
          checks.add(new Check(m.name(), null, "bounded_result", "sample", null, "failed", null,
              "DuckDB: " + e.getMessage().lines().findFirst().orElse("")));
        }
      }
    } catch (SQLException e) {
      checks.add(new Check(null, null, "sample", "sample", null, "error", null, "DuckDB: " + e.getMessage()));
    }
  }

  private static void load(Connection duck, String table, QueryResult sample) throws SQLException {
    List<String> cols = sample.columns().stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList();
    try (Statement s = duck.createStatement()) {
      s.execute("create table " + table + " (" + String.join(", ", cols.stream().map(c -> c + " varchar").toList())
          + ")");
    }
    if (sample.rows().isEmpty()) {
      return;
    }
    String marks = String.join(", ", cols.stream().map(c -> "?").toList());
    try (PreparedStatement p = duck.prepareStatement("insert into " + table + " values (" + marks + ")")) {
      for (List<Object> row : sample.rows()) {
        for (int i = 0; i < cols.size(); i++) {
          Object v = row.get(i);
          p.setString(i + 1, v == null ? null : String.valueOf(v));
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private boolean record(String model, String test, String check, String on, String sourceId, Outcome o) {
    if (o.error() != null) {
      boolean timeout = o.error().toLowerCase().contains("timeout") || o.error().contains("canceling statement");
      if (!timeout) {
        failed.add(model);
      }
      checks.add(new Check(model, test, check, on, sourceId, timeout ? "timeout" : "failed", null, o.error()));
      return false;
    }
    checks.add(new Check(model, test, check, on, sourceId, "passed", (long) o.result().rows().size(), null));
    return true;
  }

  private static Set<String> sources(ModelCompiler compiler, DataModel m, Map<String, DataModel> byName,
      Map<String, TableGraph.Node> tables) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : compiler.closure(List.of(m.name()))) {
      for (String up : byName.get(name).upstream()) {
        TableGraph.Node n = tables.get(up);
        if (n != null && !byName.containsKey(up)) {
          out.add(n.sourceId());
        }
      }
    }
    return out;
  }

  private static String qualified(TableGraph.Node n) {
    if (n == null) {
      return "missing_table";
    }
    String table = "\"" + n.table().name().replace("\"", "\"\"") + "\"";
    return n.table().schema() == null ? table : "\"" + n.table().schema().replace("\"", "\"\"") + "\"." + table;
  }

  private static Long number(Object v) {
    return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v));
  }
}
