package org.openforge.agent.build.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.ValueTypes;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ColumnProfile;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.datasource.catalog.QualityIssue;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.datasource.catalog.TableInfo;
import org.openforge.datasource.catalog.TopValue;

/**
 * Checks on CSV files, which take no SQL: from the source profile where it covers every row (null counts, exact
 * distinct counts, inferred foreign keys with their orphans, type misfits, min/max, complete top values), else from
 * the first rows ({@code sample_rows}, at most 200) — exact when the file has no more rows, otherwise reported as a
 * sample, or skipped when a sample cannot decide (a reference into a larger file).
 */
public final class CsvChecks {

  /** The most rows a sample holds. */
  public static final int SAMPLE_ROWS = 200;

  /** A result before it becomes a {@link QualityCheck}. */
  public record Outcome(String method, String status, Long failing, Long checked, List<String> examples,
      String message) {

    static Outcome of(String method, long failing, long checked, List<String> examples, String message) {
      return new Outcome(method, failing == 0 ? QualityCheck.PASSED : QualityCheck.FAILED, failing, checked,
          examples, message);
    }

    static Outcome skipped(String message) {
      return new Outcome("profile", QualityCheck.SKIPPED, null, null, List.of(), message);
    }
  }

  private CsvChecks() {}

  /**
   * @param table the profiled file
   * @param sample its first rows
   * @param target the referred file (references), profiled, or null
   * @param targetSample the referred file's first rows, or null
   */
  public static Outcome run(CheckPlan plan, TableInfo table, QueryResult sample, TableInfo target,
      QueryResult targetSample) {
    long rows = table.rowCount() == null ? 0 : table.rowCount();
    boolean whole = rows <= sample.rows().size() && !sample.truncated();
    SlotBinding s = plan.slots().isEmpty() ? null : plan.slot();
    ColumnInfo col = s == null || s.column() == null ? null : table.column(s.column()).orElse(null);
    ColumnProfile p = col == null ? null : col.profile();
    switch (plan.type()) {
      case "required": {
        if (p == null) {
          return Outcome.skipped("the column has no profile");
        }
        return Outcome.of("profile", p.nullCount(), rows, List.of(), p.nullCount() + " of " + rows
            + " rows have no value");
      }
      case "unique": {
        if (plan.slots().size() == 1 && p != null && p.distinctCount() != null && !p.distinctApproximate()) {
          long nonNull = rows - p.nullCount();
          long dups = nonNull - p.distinctCount();
          List<String> examples = p.topValues() == null ? List.of() : p.topValues().stream()
              .filter(t -> t.count() > 1).limit(SqlChecks.EXAMPLES).map(t -> t.value() + " (" + t.count() + " rows)")
              .toList();
          return Outcome.of("profile", dups, nonNull, examples, dups + " rows repeat a value ("
              + p.distinctCount() + " distinct of " + nonNull + ")");
        }
        Optional<QualityIssue> issue = issue(table, String.join(",", plan.columns()), "duplicate_key");
        if (issue.isPresent()) {
          return Outcome.of("profile", issue.get().count(), rows, issue.get().examples(), issue.get().message());
        }
        if (whole) {
          return sampleUnique(plan, sample, rows);
        }
        return Outcome.skipped("the combination is not counted exactly by the profile and the file has more rows "
            + "than a sample holds");
      }
      case "reference":
        return reference(plan, table, sample, target, targetSample);
      case "type":
        return type(plan, col, table, sample, whole);
      case "enum": {
        if (p == null) {
          return Outcome.skipped("the column has no profile");
        }
        Set<String> allowed = new HashSet<>(s.enumValues());
        long distinct = p.distinctCount() == null ? -1 : p.distinctCount();
        List<TopValue> top = p.topValues() == null ? List.of() : p.topValues();
        if (distinct >= 0 && !p.distinctApproximate() && top.size() >= distinct && distinct > 0) {
          List<TopValue> bad = top.stream().filter(t -> !allowed.contains(t.value())).toList();
          long failing = bad.stream().mapToLong(TopValue::count).sum();
          return Outcome.of("profile", failing, rows - p.nullCount(), bad.stream().limit(SqlChecks.EXAMPLES)
              .map(t -> t.value() + " (" + t.count() + " rows)").toList(), distinct + " distinct values, "
              + bad.size() + " not permitted");
        }
        if (whole) {
          return sampleCount("sample", sample, s.column(), v -> !allowed.contains(v), rows);
        }
        if (distinct > allowed.size() && !p.distinctApproximate()) {
          return new Outcome("profile", QualityCheck.FAILED, null, rows, List.of(), distinct
              + " distinct values, more than the " + allowed.size() + " the enum permits");
        }
        return sampleCount("sample", sample, s.column(), v -> !allowed.contains(v), rows);
      }
      case "range": {
        if (whole) {
          return sampleCount("sample", sample, s.column(), v -> outside(v, s), rows);
        }
        if (p == null || !(p.min() instanceof Number) || !(p.max() instanceof Number)) {
          return sampleCount("sample", sample, s.column(), v -> outside(v, s), rows);
        }
        boolean below = s.minimum() != null && ValueTypes.compare(p.min(), s.minimum()).orElse(0) < 0;
        boolean above = s.maximum() != null && ValueTypes.compare(p.max(), s.maximum()).orElse(0) > 0;
        if (!below && !above) {
          return Outcome.of("profile", 0, rows, List.of(), "min " + p.min() + ", max " + p.max() + " within "
              + CheckPlanner.bounds(s));
        }
        List<String> examples = new ArrayList<>();
        if (below) {
          examples.add(String.valueOf(p.min()));
        }
        if (above) {
          examples.add(String.valueOf(p.max()));
        }
        return new Outcome("profile", QualityCheck.FAILED, null, rows, examples, "min " + p.min() + ", max "
            + p.max() + " outside " + CheckPlanner.bounds(s) + " (the profile gives the extremes, not the count)");
      }
      case "pattern": {
        java.util.regex.Pattern regex;
        try {
          regex = java.util.regex.Pattern.compile(s.pattern());
        } catch (java.util.regex.PatternSyntaxException e) {
          return new Outcome("sample", QualityCheck.FAILED, null, null, List.of(), "the pattern is no valid "
              + "regular expression: " + e.getDescription());
        }
        return sampleCount("sample", sample, s.column(), v -> !regex.matcher(v).find(), rows);
      }
      default:
        return Outcome.skipped("no CSV evaluation for checks of type " + plan.type());
    }
  }

  private static Outcome reference(CheckPlan plan, TableInfo table, QueryResult sample, TableInfo target,
      QueryResult targetSample) {
    SlotBinding s = plan.slot();
    if (target == null || plan.target() == null || plan.target().identifierSlot().isEmpty()) {
      return Outcome.skipped("the referred class " + s.referencedClass() + " is not bound to a file of this source");
    }
    String targetColumn = plan.target().identifierSlot().get().column();
    if (targetColumn == null) {
      return Outcome.skipped("the referred class's identifier has no source column");
    }
    long rows = table.rowCount() == null ? 0 : table.rowCount();
    for (ForeignKey fk : table.foreignKeys()) {
      if (fk.columns().equals(List.of(s.column())) && fk.referencedTable().equals(target.name())
          && fk.referencedColumns().equals(List.of(targetColumn))) {
        Optional<QualityIssue> orphans = issue(table, s.column(), "orphan_foreign_key");
        long failing = orphans.map(QualityIssue::count).orElse(0L);
        return Outcome.of("profile", failing, rows, orphans.map(QualityIssue::examples).orElse(List.of()),
            failing + " rows refer to no " + target.name() + "." + targetColumn + " (foreign key "
                + (fk.inferred() ? "inferred" : "declared") + " by the profile)");
      }
    }
    long targetRows = target.rowCount() == null ? 0 : target.rowCount();
    boolean targetWhole = targetSample != null && !targetSample.truncated() && targetRows <= targetSample.rows().size();
    if (!targetWhole) {
      return Outcome.skipped("the profile infers no foreign key " + s.column() + " → " + target.name() + "."
          + targetColumn + " and " + target.name() + " has more rows than a sample holds");
    }
    Set<String> keys = new HashSet<>(values(targetSample, targetColumn));
    return sampleCount("sample", sample, s.column(), v -> !keys.contains(v), rows);
  }

  private static Outcome type(CheckPlan plan, ColumnInfo col, TableInfo table, QueryResult sample, boolean whole) {
    SlotBinding s = plan.slot();
    long rows = table.rowCount() == null ? 0 : table.rowCount();
    if (col == null) {
      return Outcome.skipped("the column is not in the file");
    }
    NormalizedType inferred = col.normalizedType();
    if (compatible(inferred, s.baseType())) {
      Optional<QualityIssue> misfits = issue(table, s.column(), "type_inconsistency");
      long failing = misfits.map(QualityIssue::count).orElse(0L);
      long nonNull = col.profile() == null ? rows : rows - col.profile().nullCount();
      return Outcome.of("profile", failing, nonNull, misfits.map(QualityIssue::examples).orElse(List.of()),
          failing == 0 ? "every value reads as " + inferred.value() : failing + " values do not read as "
              + inferred.value());
    }
    return sampleCount("sample", sample, s.column(), v -> !ValueTypes.conforms(v, s.baseType()), rows);
  }

  /** Whether text the profiler typed {@code inferred} reads as the base type. */
  static boolean compatible(NormalizedType inferred, String baseType) {
    return switch (baseType) {
      case "integer" -> inferred == NormalizedType.INTEGER;
      case "decimal", "float", "double" -> inferred.numeric();
      case "boolean" -> inferred == NormalizedType.BOOLEAN;
      case "date" -> inferred == NormalizedType.DATE;
      case "datetime", "date_or_datetime" -> inferred == NormalizedType.DATE || inferred == NormalizedType.DATETIME;
      case "time" -> inferred == NormalizedType.TIME;
      default -> true;
    };
  }

  private static boolean outside(String v, SlotBinding s) {
    Optional<Integer> below = s.minimum() == null ? Optional.of(0) : ValueTypes.compare(v, s.minimum());
    Optional<Integer> above = s.maximum() == null ? Optional.of(0) : ValueTypes.compare(v, s.maximum());
    return below.isPresent() && above.isPresent() && (below.get() < 0 || above.get() > 0);
  }

  private static Outcome sampleUnique(CheckPlan plan, QueryResult sample, long rows) {
    List<Integer> idx = plan.columns().stream().map(c -> sample.columns().indexOf(c)).toList();
    if (idx.contains(-1)) {
      return Outcome.skipped("a column of the key is not in the file");
    }
    Map<List<String>, Integer> counts = new LinkedHashMap<>();
    for (List<Object> row : sample.rows()) {
      List<String> key = idx.stream().map(i -> text(row.get(i))).toList();
      if (key.stream().noneMatch(k -> k == null)) {
        counts.merge(key, 1, Integer::sum);
      }
    }
    long dups = counts.values().stream().mapToLong(n -> n - 1).sum();
    List<String> examples = counts.entrySet().stream().filter(e -> e.getValue() > 1).limit(SqlChecks.EXAMPLES)
        .map(e -> String.join(", ", e.getKey()) + " (" + e.getValue() + " rows)").toList();
    return Outcome.of("sample", dups, sample.rows().size(), examples, dups + " rows repeat a combination");
  }

  private static Outcome sampleCount(String method, QueryResult sample, String column,
      java.util.function.Predicate<String> failing, long rows) {
    int i = sample.columns().indexOf(column);
    if (i < 0) {
      return Outcome.skipped("the column " + column + " is not in the file");
    }
    long bad = 0;
    List<String> examples = new ArrayList<>();
    for (List<Object> row : sample.rows()) {
      String v = text(row.get(i));
      if (v != null && failing.test(v)) {
        bad++;
        if (examples.size() < SqlChecks.EXAMPLES && !examples.contains(v)) {
          examples.add(v);
        }
      }
    }
    boolean whole = !sample.truncated() && rows <= sample.rows().size();
    String scope = whole ? "all " + sample.rows().size() + " rows" : "the first " + sample.rows().size() + " of "
        + rows + " rows";
    return Outcome.of(method, bad, sample.rows().size(), examples, bad + " failing values in " + scope);
  }

  private static List<String> values(QueryResult sample, String column) {
    int i = sample.columns().indexOf(column);
    List<String> out = new ArrayList<>();
    if (i >= 0) {
      for (List<Object> row : sample.rows()) {
        String v = text(row.get(i));
        if (v != null) {
          out.add(v);
        }
      }
    }
    return out;
  }

  static Optional<QualityIssue> issue(TableInfo table, String column, String kind) {
    if (table.quality() == null) {
      return Optional.empty();
    }
    return table.quality().issues().stream().filter(i -> kind.equals(i.kind()) && column.equals(i.column()))
        .findFirst();
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString();
    return s.isEmpty() ? null : s;
  }
}
