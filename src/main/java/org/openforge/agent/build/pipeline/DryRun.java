package org.openforge.agent.build.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openforge.agent.build.Aggregate;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.SourceSet;
import org.openforge.agent.build.TableRef;
import org.openforge.agent.build.ValueTypes;
import org.openforge.agent.tool.ToolOutcome;
import org.openforge.datasource.catalog.QueryResult;

/**
 * Runs the pipeline's extract and transform on real rows, bounded: databases through the extract SELECT itself
 * (every mapped column, the computed expressions and the task's aggregations pushed down, at most {@link #ROW_LIMIT}
 * rows), CSV files through their first rows with casts and simple aggregates evaluated in memory. Each row is then
 * converted to the ontology's types and checked against what the load target enforces.
 */
public final class DryRun {

  public static final int ROW_LIMIT = 1000;
  private static final int PREVIEW = 3;

  /** The dry run's classes and the evaluation of every transformation step. */
  public record Result(List<ClassRun> classes, List<QualityCheck> transformationChecks) {}

  private final SourceSet sources;
  private final Map<String, String> expressionErrors = new HashMap<>();
  private final Map<String, Integer> evaluated = new HashMap<>();
  private final Map<String, String> notEvaluated = new HashMap<>();
  private final Map<String, Integer> unmappedValues = new HashMap<>();
  private final Map<String, String> partial = new HashMap<>();

  public DryRun(SourceSet sources) {
    this.sources = sources;
  }

  public Result run(List<ClassPlan> plans, List<TransformStep> steps) {
    List<ClassRun> runs = new ArrayList<>();
    for (ClassPlan plan : plans) {
      runs.add(plan.table() == null ? missing(plan) : runClass(plan, steps));
    }
    return new Result(runs, checks(steps));
  }

  private ClassRun missing(ClassPlan plan) {
    return new ClassRun(plan.className(), plan.binding().sourceId(), plan.binding().table(), null, null, 0, false, 0,
        0, List.of(), List.of(), "the table " + plan.binding().table() + " is not in the source", 0);
  }

  private ClassRun runClass(ClassPlan plan, List<TransformStep> steps) {
    long started = System.nanoTime();
    TableRef table = plan.table();
    List<ExtractField> fields = ExtractQuery.fields(plan, steps);
    List<Map<String, Object>> rows;
    String statement;
    boolean truncated;
    String method;
    if (table.source().jdbc()) {
      method = "sql";
      Extracted e = extractSql(table, fields);
      rows = e.rows;
      statement = e.statement;
      truncated = e.truncated;
      if (e.error != null) {
        return new ClassRun(plan.className(), table.source().id(), table.sampleName(), method, statement, 0, false,
            0, 0, List.of(), List.of(), e.error, (System.nanoTime() - started) / 1_000_000);
      }
    } else {
      method = "sample";
      QueryResult sample = sources.sample(table, CsvChecks.SAMPLE_ROWS);
      statement = null;
      truncated = sample.truncated();
      rows = new ArrayList<>();
      List<Map<String, Object>> byColumn = new ArrayList<>();
      for (List<Object> raw : sample.rows()) {
        Map<String, Object> source = new HashMap<>();
        for (int i = 0; i < sample.columns().size(); i++) {
          source.put(sample.columns().get(i), CsvChecks.text(raw.get(i)));
        }
        byColumn.add(source);
        Map<String, Object> row = new LinkedHashMap<>();
        fields.stream().filter(f -> f.column() != null).forEach(f -> row.put(f.name(), source.get(f.column())));
        rows.add(row);
      }
      for (ExtractField f : fields) {
        if (f.expression() == null) {
          continue;
        }
        Optional<Aggregate> aggregate = Aggregate.parse(f.expression());
        if (aggregate.isEmpty()) {
          notEvaluated.put(f.step(), "SQL expressions are evaluated on databases; the CSV dry run evaluates simple "
              + "aggregates (SUM, COUNT, AVG, MIN, MAX with PARTITION BY) only");
          continue;
        }
        if (f.via() != null) {
          related(plan, table, f, aggregate.get(), rows, byColumn);
          continue;
        }
        List<Object> values = aggregate.get().evaluate(byColumn);
        for (int i = 0; i < rows.size(); i++) {
          rows.get(i).put(f.name(), values.get(i));
        }
        evaluated.merge(f.step(), rows.size(), Integer::sum);
      }
    }
    return convert(plan, table, method, statement, rows, truncated, steps, started);
  }

  /**
   * An aggregation over a related file (a customer's lifetime value from the sales), from the first rows of that
   * file: per value of its partition column, matched with the class's identifier.
   */
  private void related(ClassPlan plan, TableRef table, ExtractField f, Aggregate aggregate,
      List<Map<String, Object>> rows, List<Map<String, Object>> byColumn) {
    Optional<TableRef> via = sources.table(table.source().id(), f.via());
    Optional<String> key = plan.binding().identifierSlot().map(SlotBinding::column);
    if (via.isEmpty() || key.isEmpty() || aggregate.partitionBy().size() != 1) {
      notEvaluated.put(f.step(), "the related file " + f.via() + " or the column matching its "
          + String.join(", ", aggregate.partitionBy()) + " is missing");
      return;
    }
    QueryResult sample = sources.sample(via.get(), CsvChecks.SAMPLE_ROWS);
    List<Map<String, Object>> related = new ArrayList<>();
    for (List<Object> raw : sample.rows()) {
      Map<String, Object> r = new HashMap<>();
      for (int i = 0; i < sample.columns().size(); i++) {
        r.put(sample.columns().get(i), CsvChecks.text(raw.get(i)));
      }
      related.add(r);
    }
    List<Object> values = aggregate.evaluate(related);
    Map<String, Object> byKey = new HashMap<>();
    for (int i = 0; i < related.size(); i++) {
      Object k = related.get(i).get(aggregate.partitionBy().get(0));
      if (k != null) {
        byKey.put(k.toString(), values.get(i));
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      Object k = byColumn.get(i).get(key.get());
      Object v = k == null ? null : byKey.get(k.toString());
      rows.get(i).put(f.name(), v == null && aggregate.function().equals("count") ? 0L : v);
    }
    evaluated.merge(f.step(), rows.size(), Integer::sum);
    partial.put(f.step(), "from the first " + related.size() + (sample.truncated() ? " rows" : " (all) rows")
        + " of " + via.get().sampleName());
  }

  private record Extracted(String statement, List<Map<String, Object>> rows, boolean truncated, String error) {}

  private Extracted extractSql(TableRef table, List<ExtractField> fields) {
    List<ExtractField> plain = fields.stream().filter(f -> f.column() != null).toList();
    List<ExtractField> computed = new ArrayList<>(fields.stream().filter(f -> f.expression() != null).toList());
    String all = select(table, plain, computed);
    ToolOutcome outcome = sources.trySql(table.source().id(), all, List.of(), ROW_LIMIT);
    if (!outcome.ok() && !computed.isEmpty()) {
      List<ExtractField> ok = new ArrayList<>();
      for (ExtractField f : computed) {
        ToolOutcome one = sources.trySql(table.source().id(), select(table, plain, List.of(f)), List.of(), 1);
        if (one.ok()) {
          ok.add(f);
        } else {
          expressionErrors.put(f.step(), one.message());
        }
      }
      computed = ok;
      all = select(table, plain, computed);
      outcome = sources.trySql(table.source().id(), all, List.of(), ROW_LIMIT);
    }
    if (!outcome.ok()) {
      return new Extracted(all, List.of(), false, "the extract failed: " + outcome.message());
    }
    QueryResult result = (QueryResult) outcome.result();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> raw : result.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < result.columns().size(); i++) {
        row.put(result.columns().get(i), raw.get(i));
      }
      rows.add(row);
    }
    for (ExtractField f : computed) {
      evaluated.merge(f.step(), rows.size(), Integer::sum);
    }
    return new Extracted(all, rows, result.truncated(), null);
  }

  private static String select(TableRef table, List<ExtractField> plain, List<ExtractField> computed) {
    List<ExtractField> fields = new ArrayList<>(plain);
    fields.addAll(computed);
    return ExtractQuery.select(table, fields, ROW_LIMIT + 1);
  }

  private ClassRun convert(ClassPlan plan, TableRef table, String method, String statement,
      List<Map<String, Object>> rows, boolean truncated, List<TransformStep> steps, long started) {
    ClassBinding c = plan.binding();
    Map<String, ClassRun.Rejection> rejections = new LinkedHashMap<>();
    List<Map<String, Object>> preview = new ArrayList<>();
    int loadable = 0;
    List<TransformStep> valueMaps = steps.stream().filter(s -> s.values() != null && s.classes()
        .contains(c.className())).toList();
    for (Map<String, Object> row : rows) {
      Map<String, Object> out = new LinkedHashMap<>();
      boolean ok = true;
      for (SlotBinding s : c.slots()) {
        Object raw = row.get(s.slot());
        if (raw instanceof String text && text.isEmpty()) {
          raw = null;
        }
        if (raw == null) {
          out.put(s.slot(), null);
          if (s.required()) {
            ok &= reject(rejections, s.slot(), s.mapped() ? "required" : "required_unmapped", null);
          }
          continue;
        }
        Optional<Object> value = ValueTypes.convert(raw, s.baseType());
        if (value.isEmpty()) {
          ok &= reject(rejections, s.slot(), "type", raw);
          out.put(s.slot(), String.valueOf(raw));
          continue;
        }
        out.put(s.slot(), ValueTypes.json(value.get()));
        String reason = constraint(s, raw, value.get());
        if (reason != null) {
          ok &= reject(rejections, s.slot(), reason, raw);
        }
      }
      for (ClassPlan.ExtraField x : plan.extras()) {
        out.put(x.name(), row.get(x.name()));
      }
      for (TransformStep step : valueMaps) {
        Object v = out.get(step.output());
        if (v != null) {
          String mapped = step.values().get(String.valueOf(v));
          if (mapped == null) {
            unmappedValues.merge(step.name(), 1, Integer::sum);
            ok &= reject(rejections, step.output(), "value_map", v);
          } else {
            out.put(step.output(), mapped);
          }
        }
      }
      if (ok) {
        loadable++;
      }
      if (preview.size() < PREVIEW) {
        preview.add(out);
      }
    }
    return new ClassRun(c.className(), table.source().id(), table.sampleName(), method, statement, rows.size(),
        truncated, loadable, rows.size() - loadable, List.copyOf(rejections.values()), preview, null,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static String constraint(SlotBinding s, Object raw, Object value) {
    if (!s.enumValues().isEmpty() && !s.enumValues().contains(String.valueOf(raw).strip())) {
      return "enum";
    }
    if (s.minimum() != null && ValueTypes.compare(value, s.minimum()).map(x -> x < 0).orElse(false)) {
      return "range";
    }
    if (s.maximum() != null && ValueTypes.compare(value, s.maximum()).map(x -> x > 0).orElse(false)) {
      return "range";
    }
    if (s.pattern() != null) {
      try {
        if (!Pattern.compile(s.pattern()).matcher(String.valueOf(raw)).find()) {
          return "pattern";
        }
      } catch (PatternSyntaxException e) {
        return "pattern_invalid";
      }
    }
    return null;
  }

  private static boolean reject(Map<String, ClassRun.Rejection> rejections, String field, String reason,
      Object value) {
    String key = field + "|" + reason;
    ClassRun.Rejection r = rejections.get(key);
    List<String> examples = new ArrayList<>(r == null ? List.of() : r.examples());
    if (value != null && examples.size() < 3 && !examples.contains(String.valueOf(value))) {
      examples.add(String.valueOf(value));
    }
    rejections.put(key, new ClassRun.Rejection(field, reason, r == null ? 1 : r.count() + 1, examples));
    return false;
  }

  private List<QualityCheck> checks(List<TransformStep> steps) {
    List<QualityCheck> out = new ArrayList<>();
    for (TransformStep step : steps) {
      String id = "transformation." + step.name();
      String cls = step.classes().isEmpty() ? null : String.join(",", step.classes());
      String rule = step.type() + (step.logic() != null ? ": " + step.logic() : step.sourceField() != null
          ? ": " + step.sourceField() + " → " + step.output() : "");
      String status;
      Long failing = null;
      Long checked = null;
      String message;
      if (!step.applies()) {
        status = QualityCheck.FAILED;
        message = step.message();
      } else if (expressionErrors.containsKey(step.name())) {
        status = QualityCheck.FAILED;
        message = "the expression does not run: " + expressionErrors.get(step.name());
      } else if (notEvaluated.containsKey(step.name()) && !evaluated.containsKey(step.name())) {
        status = QualityCheck.SKIPPED;
        message = notEvaluated.get(step.name());
      } else if (step.logic() != null) {
        checked = (long) evaluated.getOrDefault(step.name(), 0);
        failing = 0L;
        status = QualityCheck.PASSED;
        message = "computed for " + checked + " rows of " + String.join(", ", step.classes())
            + (partial.containsKey(step.name()) ? ", " + partial.get(step.name()) : "");
      } else {
        failing = (long) unmappedValues.getOrDefault(step.name(), 0);
        status = failing == 0 ? QualityCheck.PASSED : QualityCheck.FAILED;
        message = step.values() == null ? step.sourceField() + " feeds " + step.output() + " in "
            + String.join(", ", step.classes()) : failing + " values have no entry in the value map";
      }
      out.add(new QualityCheck(id, cls, step.output(), "transformation", rule, null, null,
          step.sourceField() == null ? List.of() : List.of(step.sourceField()), "dry_run", null, null, status,
          failing, checked, List.of(), message, null));
    }
    return out;
  }
}
