package org.openforge.datasource.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects the quality findings of one table and scores it: completeness (non-null cells), uniqueness (rows not
 * duplicating a key), integrity (rows without orphan foreign keys) and validity (values of the column's type,
 * well-formed CSV rows); the score is their mean, each in 0..1.
 */
final class QualityBuilder {

  private final long rows;
  private final List<QualityIssue> issues = new ArrayList<>();
  private long nullCells;
  private long cells;
  private double uniqueness = 1;
  private double integrity = 1;
  private double validity = 1;

  QualityBuilder(long rows) {
    this.rows = rows;
    if (rows == 0) {
      issues.add(new QualityIssue("info", null, "empty_table", 0, "the table has no rows", List.of()));
    }
  }

  /** Records a column's nulls: a warning when the column looks required, info when it is mostly empty. */
  void column(ColumnFacts f, boolean requiredLooking) {
    cells += f.rows();
    nullCells += f.nulls();
    String name = f.column().name();
    if (f.column().unsupported()) {
      issues.add(new QualityIssue("info", name, "unsupported_column", 0, "native type " + f.column().nativeType()
          + " is not profiled beyond its null count", List.of()));
    }
    if (f.nulls() > 0 && requiredLooking) {
      issues.add(new QualityIssue("warning", name, "missing_values", f.nulls(), f.nulls() + " of " + f.rows()
          + " rows (" + SemanticTypes.percent(f.nulls(), f.rows()) + ") have no " + name, List.of()));
    } else if (f.nulls() * 2 > f.rows() && f.rows() > 0) {
      issues.add(new QualityIssue("info", name, "missing_values", f.nulls(), name + " is mostly empty: "
          + f.nulls() + " of " + f.rows() + " rows are null", List.of()));
    }
    if (f.distinct() != null && f.distinct() == 1 && f.rows() > 1 && f.nulls() == 0) {
      issues.add(new QualityIssue("info", name, "constant_column", f.rows(), name + " has one value in every row",
          f.top() == null ? List.of() : f.top().stream().map(TopValue::value).limit(1).toList()));
    }
  }

  void duplicateKey(String columns, long duplicateRows, boolean declared, List<String> examples) {
    issues.add(new QualityIssue("error", columns, "duplicate_key", duplicateRows, duplicateRows + " row(s) repeat "
        + "a value of the " + (declared ? "key " : "likely key ") + columns + " (rows beyond the first of each value)",
        examples));
    uniqueness = Math.min(uniqueness, rows == 0 ? 1 : 1 - (double) duplicateRows / rows);
  }

  void orphans(ForeignKey fk, long orphanRows, List<String> examples) {
    String target = (fk.referencedSchema() == null ? "" : fk.referencedSchema() + ".") + fk.referencedTable()
        + "(" + String.join(", ", fk.referencedColumns()) + ")";
    issues.add(new QualityIssue("error", String.join(",", fk.columns()), "orphan_foreign_key", orphanRows,
        orphanRows + " row(s) reference a missing " + target + (fk.inferred() ? " (inferred relationship)" : ""),
        examples));
    integrity = Math.min(integrity, rows == 0 ? 1 : 1 - (double) orphanRows / rows);
  }

  void typeInconsistency(String column, NormalizedType type, long bad, long nonNull, List<String> examples) {
    issues.add(new QualityIssue("warning", column, "type_inconsistency", bad, bad + " of " + nonNull
        + " values of " + column + " (" + SemanticTypes.percent(bad, nonNull) + ") are not " + type.value(),
        examples));
    validity = Math.min(validity, nonNull == 0 ? 1 : 1 - (double) bad / nonNull);
  }

  void malformedRows(long count, List<String> examples) {
    issues.add(new QualityIssue("error", null, "malformed_rows", count, count + " row(s) have a different number "
        + "of fields than the header", examples));
    validity = Math.min(validity, rows == 0 ? 1 : 1 - (double) count / (rows + count));
  }

  void warning(String column, String kind, String message) {
    issues.add(new QualityIssue("info", column, kind, 0, message, List.of()));
  }

  TableQuality build() {
    double completeness = cells == 0 ? 1 : 1 - (double) nullCells / cells;
    double score = (completeness + uniqueness + integrity + validity) / 4;
    return new TableQuality(round(score), round(completeness), round(uniqueness), round(integrity), round(validity),
        List.copyOf(issues));
  }

  static double round(double value) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.4f", value));
  }
}
