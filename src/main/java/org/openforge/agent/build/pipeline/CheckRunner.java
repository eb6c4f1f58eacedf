package org.openforge.agent.build.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.SourceSet;
import org.openforge.agent.build.TableRef;
import org.openforge.agent.build.Tables;
import org.openforge.agent.tool.ToolOutcome;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;

/**
 * Runs the planned checks on the real data: pushed down as SQL to PostgreSQL and MySQL/MariaDB sources (every row,
 * through {@code execute_sql}), from the profile and first rows of CSV files ({@code profile_source},
 * {@code sample_rows}). A check whose table or column is missing is skipped after the structural check that fails.
 */
public final class CheckRunner {

  private final SourceSet sources;
  private final Tables tables;
  private final Map<String, QueryResult> samples = new HashMap<>();
  private int topValues = 20;

  public CheckRunner(SourceSet sources, Tables tables) {
    this.sources = sources;
    this.tables = tables;
  }

  private Optional<TableRef> table(ClassBinding c) {
    return tables.of(c);
  }

  public List<QualityCheck> run(List<CheckPlan> plans) {
    List<QualityCheck> out = new ArrayList<>();
    for (CheckPlan plan : plans) {
      long started = System.nanoTime();
      QualityCheck result = runOne(plan);
      long ms = (System.nanoTime() - started) / 1_000_000;
      out.add(new QualityCheck(result.id(), result.className(), result.slot(), result.type(), result.rule(),
          result.sourceId(), result.table(), result.columns(), result.method(), result.sql(), result.params(),
          result.status(), result.failingRows(), result.rowsChecked(), result.examples(), result.message(), ms));
    }
    return out;
  }

  private QualityCheck runOne(CheckPlan plan) {
    ClassBinding c = plan.owner();
    Optional<TableRef> ref = table(c);
    if (plan.type().equals("table_exists")) {
      if (ref.isPresent()) {
        return result(plan, "schema", null, null, QualityCheck.PASSED, 0L, ref.get().rows(), List.of(),
            ref.get().sampleName() + " has " + ref.get().rows() + " rows");
      }
      List<String> names = sources.describe(c.sourceId()).tables().stream().map(TableInfo::qualifiedName).toList();
      return result(plan, "schema", null, null, QualityCheck.FAILED, null, null, List.of(c.table()),
          "no table " + c.table() + " in the source; it has " + String.join(", ", names));
    }
    if (ref.isEmpty()) {
      return skipped(plan, "the table " + c.table() + " is missing");
    }
    TableRef table = ref.get();
    if (plan.type().equals("columns_exist")) {
      List<String> missing = plan.slots().stream().map(SlotBinding::column)
          .filter(col -> table.column(col).isEmpty()).toList();
      return result(plan, "schema", null, null, missing.isEmpty() ? QualityCheck.PASSED : QualityCheck.FAILED,
          (long) missing.size(), (long) plan.slots().size(), missing, missing.isEmpty()
              ? "all " + plan.slots().size() + " mapped columns exist" : "missing columns: " + String.join(", ",
              missing));
    }
    if (plan.type().equals("required") && !plan.slot().mapped()) {
      return result(plan, "schema", null, null, QualityCheck.FAILED, null, table.rows(), List.of(),
          "the slot is required but has no source column or expression");
    }
    for (SlotBinding s : plan.slots()) {
      if (s.column() != null && table.column(s.column()).isEmpty()) {
        return skipped(plan, "the column " + s.column() + " is missing");
      }
    }
    if (plan.slots().stream().anyMatch(SlotBinding::computed) && !table.source().jdbc()) {
      return skipped(plan, "computed values of CSV files are checked at load time");
    }
    return table.source().jdbc() ? sql(plan, table) : csv(plan, table);
  }

  private QualityCheck sql(CheckPlan plan, TableRef table) {
    String targetTable = null;
    String targetColumn = null;
    boolean sameType = true;
    if (plan.type().equals("reference")) {
      if (plan.target() == null) {
        return skipped(plan, "the referred class " + plan.slot().referencedClass() + " is not bound to a source");
      }
      Optional<TableRef> target = table(plan.target());
      Optional<SlotBinding> id = plan.target().identifierSlot();
      if (target.isEmpty() || id.isEmpty() || id.get().column() == null) {
        return skipped(plan, "the referred class " + plan.target().className() + " has no table or identifier "
            + "column to check against");
      }
      if (!target.get().source().id().equals(table.source().id())) {
        return skipped(plan, "the referred class is in another source; the reference is checked when the "
            + "pipeline loads both");
      }
      targetTable = target.get().sql();
      targetColumn = id.get().column();
      Optional<ColumnInfo> a = table.column(plan.slot().column());
      Optional<ColumnInfo> b = target.get().column(targetColumn);
      sameType = a.isPresent() && b.isPresent() && a.get().normalizedType() == b.get().normalizedType();
    }
    boolean numeric = plan.slot() != null && plan.slot().column() != null && table.column(plan.slot().column())
        .map(col -> col.normalizedType().numeric()).orElse(false);
    if (plan.type().equals("type") && plan.slot().column() != null) {
      ColumnInfo col = table.column(plan.slot().column()).orElseThrow();
      if (!col.normalizedType().value().equals("string")) {
        boolean ok = CsvChecks.compatible(col.normalizedType(), plan.slot().baseType())
            || (plan.slot().baseType().equals("decimal") || plan.slot().baseType().equals("float")
                || plan.slot().baseType().equals("double")) && col.normalizedType().numeric();
        return result(plan, "schema", null, null, ok ? QualityCheck.PASSED : QualityCheck.FAILED, ok ? 0L : null,
            table.rows(), List.of(), "the column is " + col.nativeType() + " (" + col.normalizedType().value()
                + ")" + (ok ? "" : ", which does not hold " + plan.slot().baseType() + " values"));
      }
    }
    Optional<SqlCheck> check = SqlChecks.of(plan, table.source().dialect(), table.sql(), targetTable, targetColumn,
        sameType, numeric);
    if (check.isEmpty()) {
      return skipped(plan, plan.type().equals("range") ? "the column is not numeric in the database; the bounds "
          + "are checked after the cast at load time" : "no SQL form for this check");
    }
    ToolOutcome count = sources.trySql(table.source().id(), check.get().countSql(), check.get().params(), 1);
    if (!count.ok()) {
      return result(plan, "sql", check.get().countSql(), check.get().params(), QualityCheck.FAILED, null, null,
          List.of(), "the check could not run: " + count.message());
    }
    long failing = number(((QueryResult) count.result()).rows().get(0).get(0));
    List<String> examples = List.of();
    if (failing > 0 && check.get().examplesSql() != null) {
      QueryResult ex = sources.sql(table.source().id(), check.get().examplesSql(), check.get().params(),
          SqlChecks.EXAMPLES);
      examples = ex.rows().stream().map(row -> plan.type().equals("unique")
          ? String.join(", ", row.subList(0, row.size() - 1).stream().map(String::valueOf).toList()) + " ("
              + row.get(row.size() - 1) + " rows)" : String.valueOf(row.get(0))).toList();
    }
    return result(plan, "sql", check.get().countSql(), check.get().params(),
        failing == 0 ? QualityCheck.PASSED : QualityCheck.FAILED, failing, table.rows(), examples,
        failing + " of " + table.rows() + " rows break the rule");
  }

  private QualityCheck csv(CheckPlan plan, TableRef table) {
    TableInfo profiled = profiled(table);
    QueryResult sample = sample(table);
    TableInfo target = null;
    QueryResult targetSample = null;
    if (plan.type().equals("reference") && plan.target() != null) {
      Optional<TableRef> t = table(plan.target());
      if (t.isPresent() && t.get().source().id().equals(table.source().id())) {
        target = profiled(t.get());
        targetSample = sample(t.get());
      }
    }
    CsvChecks.Outcome o = CsvChecks.run(plan, profiled, sample, target, targetSample);
    return result(plan, o.method(), null, null, o.status(), o.failing(), o.checked(), o.examples(), o.message());
  }

  /** The profile of the CSV files of a source bound by the plan, read once (top values enough for the enums). */
  private TableInfo profiled(TableRef table) {
    SourceCatalog catalog = sources.profile(table.source().id(), List.of(), topValues);
    return catalog.table(table.info().schema(), table.info().name()).orElse(table.info());
  }

  private QueryResult sample(TableRef table) {
    return samples.computeIfAbsent(table.source().id() + "|" + table.sampleName(),
        k -> sources.sample(table, CsvChecks.SAMPLE_ROWS));
  }

  /** How many top values the CSV profile reports per column (at least the largest enum plus one). */
  public CheckRunner withTopValues(int n) {
    this.topValues = Math.max(10, Math.min(200, n));
    return this;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
  }

  private static QualityCheck skipped(CheckPlan plan, String why) {
    return result(plan, "schema", null, null, QualityCheck.SKIPPED, null, null, List.of(), why);
  }

  private static QualityCheck result(CheckPlan plan, String method, String sql, List<Object> params, String status,
      Long failing, Long checked, List<String> examples, String message) {
    ClassBinding c = plan.owner();
    return new QualityCheck(plan.id(), c.className(), plan.slotName(), plan.type(), plan.rule(), c.sourceId(),
        c.table(), plan.columns(), method, sql, params == null || params.isEmpty() ? null : params, status, failing,
        checked, examples, message, null);
  }
}
