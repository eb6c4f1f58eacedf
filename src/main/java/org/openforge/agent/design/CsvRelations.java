package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ColumnProfile;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.QualityIssue;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.ontology.infer.SourceTable;

/**
 * The CSV checks across rows and files: references (the profiler's exact orphan count for the relationship it
 * inferred on the same column, or both files compared in full when each has at most {@value CsvValidation#SAMPLE}
 * rows) and unique keys (exact distinct counts for one column, else the first {@value CsvValidation#SAMPLE} rows).
 */
final class CsvRelations {

  private final CsvValues values;

  CsvRelations(CsvValues values) {
    this.values = values;
  }

  Check reference(ClassSource cls, SlotSource b) {
    Subject s = CsvValidation.subject(Rule.REFERENTIAL_INTEGRITY, cls, b);
    SourceTable target = b.target();
    if (target == null) {
      return s.skipped("the range class " + b.slot().range() + " has no file in the attached sources");
    }
    Optional<ForeignKey> inferred = cls.table().table().foreignKeys().stream()
        .filter(fk -> fk.columns().equals(b.columns()) && fk.referencedTable().equals(target.name())
            && fk.referencedColumns().equals(b.targetColumns())).findFirst();
    boolean unchecked = cls.table().catalog().warnings().stream()
        .anyMatch(w -> w.startsWith("orphans of " + cls.table().name() + "." + b.column() + " were not checked"));
    if (inferred.isPresent() && target.sourceId().equals(cls.table().sourceId()) && !unchecked) {
      Optional<QualityIssue> orphans = CsvValues.issue(cls.table(), "orphan_foreign_key",
          String.join(",", b.columns()));
      long count = orphans.map(QualityIssue::count).orElse(0L);
      List<Map<String, Object>> examples = orphans.map(i -> i.examples().stream().map(v -> CsvValues.row(b.column(), v))
          .toList()).orElse(List.of());
      return s.measured(count, true, "profile", cls.table().table().rowCount(), examples, count + " rows refer to a "
          + b.slot().range() + " missing from " + target.name() + " (the profiler's exact value comparison)");
    }
    return smallJoin(s, cls.table(), b.columns(), target, b.targetColumns(), b.slot().range());
  }

  Check junction(ClassSource cls, SlotSource b, Subject s) {
    if (b.target() == null || b.targetColumns().size() != b.columns().size()) {
      return s.skipped("the file and columns the junction points at are unknown");
    }
    return smallJoin(s, b.via(), b.columns(), b.target(), b.targetColumns(), b.slot().range());
  }

  /** Compares both files in full when each has at most {@value CsvValidation#SAMPLE} rows; else nothing is proven. */
  private Check smallJoin(Subject s, SourceTable child, List<String> columns, SourceTable target,
      List<String> targetColumns, String targetClass) {
    if (!target.sourceId().equals(child.sourceId()) || targetColumns.size() != columns.size()) {
      return s.skipped(targetClass + " is in another source or its key columns are unknown");
    }
    if (CsvValues.rows(child) > CsvValidation.SAMPLE || CsvValues.rows(target) > CsvValidation.SAMPLE) {
      return s.skipped("no relationship between " + child.name() + " and " + target.name() + " was inferred by the "
          + "profiler, and a bounded sample of the first " + CsvValidation.SAMPLE
          + " rows cannot prove a reference missing");
    }
    DataTools.Result<QueryResult> childRows = values.sample(child);
    DataTools.Result<QueryResult> parentRows = values.sample(target);
    if (!childRows.ok() || !parentRows.ok()) {
      return s.error("sample", childRows.ok() ? parentRows.error() : childRows.error());
    }
    Set<List<String>> keys = new HashSet<>();
    for (List<Object> row : parentRows.value().rows()) {
      keys.add(CsvValues.values(parentRows.value(), row, targetColumns));
    }
    long count = 0;
    List<Map<String, Object>> examples = new ArrayList<>();
    for (List<Object> row : childRows.value().rows()) {
      List<String> key = CsvValues.values(childRows.value(), row, columns);
      if (!key.contains(null) && !keys.contains(key)) {
        count++;
        if (examples.size() < SqlValidation.EXAMPLES) {
          Map<String, Object> example = new LinkedHashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            example.put(columns.get(i), key.get(i));
          }
          examples.add(example);
        }
      }
    }
    return s.measured(count, true, "sample", CsvValues.rows(child), examples, count + " rows refer to a " + targetClass
        + " missing from " + target.name() + " (both files compared in full)");
  }

  Check uniqueKey(ClassSource cls, String name, List<String> slots) {
    List<String> columns = new ArrayList<>();
    for (String slot : slots) {
      Optional<SlotSource> b = cls.slot(slot);
      if (b.isEmpty() || b.get().columns().isEmpty() || b.get().kind() == SlotSource.Kind.JUNCTION
          || b.get().kind() == SlotSource.Kind.COMPUTED) {
        return new Subject(Rule.IDENTIFIER_UNIQUENESS, cls.className(), String.join(",", slots), cls.table(),
            List.of()).skipped("slot " + slot + " of unique key " + name + " has no column");
      }
      columns.addAll(b.get().columns());
    }
    Subject s = new Subject(Rule.IDENTIFIER_UNIQUENESS, cls.className(), String.join(",", slots), cls.table(),
        columns);
    if (columns.size() == 1) {
      ColumnInfo column = cls.table().column(columns.get(0)).orElseThrow();
      ColumnProfile p = column.profile();
      if (p != null && p.distinctCount() != null && !p.distinctApproximate()) {
        long duplicates = cls.table().table().rowCount() - p.nullCount() - p.distinctCount();
        return s.measured(duplicates, true, "profile", cls.table().table().rowCount(), List.of(), duplicates
            + " rows repeat a value of unique key " + name);
      }
    }
    return uniqueSample(s, cls, columns, "unique key " + name);
  }

  Check uniqueSample(Subject s, ClassSource cls, List<String> columns, String what) {
    DataTools.Result<QueryResult> sample = values.sample(cls.table());
    if (!sample.ok()) {
      return s.error("sample", sample.error());
    }
    Map<List<String>, Integer> seen = new LinkedHashMap<>();
    for (List<Object> row : sample.value().rows()) {
      List<String> key = CsvValues.values(sample.value(), row, columns);
      if (!key.contains(null)) {
        seen.merge(key, 1, Integer::sum);
      }
    }
    long duplicates = seen.values().stream().mapToLong(n -> n - 1).sum();
    List<Map<String, Object>> examples = seen.entrySet().stream().filter(e -> e.getValue() > 1)
        .limit(SqlValidation.EXAMPLES).map(e -> {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), e.getKey().get(i));
          }
          row.put("row_count", e.getValue());
          return row;
        }).toList();
    boolean whole = CsvValues.rows(cls.table()) <= CsvValidation.SAMPLE;
    return s.measured(duplicates, whole, "sample", (long) sample.value().rows().size(), examples, duplicates
        + " rows repeat a value of " + what + (whole ? " (the whole file)"
        : " in the first " + CsvValidation.SAMPLE + " rows"));
  }
}
