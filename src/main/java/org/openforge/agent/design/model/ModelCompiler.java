package org.openforge.agent.design.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a model (or a test) into one SELECT that runs where its tables are: upstream models become CTEs, in
 * dependency order, and source tables are named as the caller says (qualified source names, or sample tables).
 */
final class ModelCompiler {

  static final Pattern REF = Pattern.compile("\\{\\{\\s*ref\\('([^']+)'\\)\\s*}}");

  private final Map<String, DataModel> models;
  private final Function<String, String> table;

  ModelCompiler(Map<String, DataModel> models, Function<String, String> table) {
    this.models = models;
    this.table = table;
  }

  /** The model as one statement: {@code with <upstream...>, <model> as (...) select * from <model>}. */
  String model(String name) {
    return withUpstream(List.of(name), "select * from " + Sql.id(name));
  }

  /** A test of a model as one statement returning its failing rows. */
  String test(DataModel.Test test) {
    return withUpstream(refs(test.failingRowsSql()), resolve(test.failingRowsSql()));
  }

  /** Every model the SQL refers to, directly or through upstream models, in dependency order. */
  List<String> closure(List<String> names) {
    Set<String> ordered = new LinkedHashSet<>();
    names.forEach(n -> visit(n, ordered, new LinkedHashSet<>()));
    return List.copyOf(ordered);
  }

  private String withUpstream(List<String> names, String body) {
    List<String> ctes = new ArrayList<>();
    for (String m : closure(names)) {
      ctes.add(Sql.id(m) + " as (\n" + resolve(models.get(m).sql()) + "\n)");
    }
    return ctes.isEmpty() ? body : "with " + String.join(",\n", ctes) + "\n" + body;
  }

  private void visit(String name, Set<String> ordered, Set<String> path) {
    if (!models.containsKey(name) || ordered.contains(name)) {
      return;
    }
    if (!path.add(name)) {
      throw new IllegalStateException("models refer to each other in a cycle through " + name);
    }
    refs(models.get(name).sql()).forEach(r -> visit(r, ordered, path));
    ordered.add(name);
  }

  private static List<String> refs(String sql) {
    List<String> out = new ArrayList<>();
    Matcher m = REF.matcher(sql);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private String resolve(String sql) {
    Matcher m = REF.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement(models.containsKey(ref) ? Sql.id(ref) : table.apply(ref)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
