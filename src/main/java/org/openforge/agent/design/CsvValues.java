package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ColumnProfile;
import org.openforge.datasource.catalog.QualityIssue;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.datasource.catalog.TopValue;
import org.openforge.ontology.infer.SourceTable;

/**
 * The values of a CSV column as validation sees them: a census (every distinct value with its row count, when the
 * profile's top values list them all) for exact counts, else the first {@value CsvValidation#SAMPLE} rows of the file
 * ({@code sample_rows}, fetched once per file), exact only when the file has no more rows.
 */
final class CsvValues {

  private final DataTools access;
  private final Map<String, DataTools.Result<QueryResult>> samples = new HashMap<>();

  CsvValues(DataTools access) {
    this.access = access;
  }

  /** A value check: exact over a census of the column, else over the sample. */
  Check values(Subject s, SourceTable table, ColumnInfo column, Predicate<String> bad, String what) {
    Optional<List<TopValue>> census = census(table, column);
    if (census.isEmpty()) {
      return sampled(s, new ClassSource(s.className(), table, null, null, List.of(), Map.of()), column.name(), bad,
          what);
    }
    long count = 0;
    List<Map<String, Object>> examples = new ArrayList<>();
    for (TopValue v : census.get()) {
      if (bad.test(v.value())) {
        count += v.count();
        if (examples.size() < SqlValidation.EXAMPLES) {
          Map<String, Object> row = row(column.name(), v.value());
          row.put("row_count", v.count());
          examples.add(row);
        }
      }
    }
    return s.measured(count, true, "census", table.table().rowCount(), examples, count + " rows: " + what
        + " (every distinct value of the column with its row count)");
  }

  Check sampled(Subject s, ClassSource cls, String column, Predicate<String> bad, String what) {
    DataTools.Result<QueryResult> sample = sample(cls.table());
    if (!sample.ok()) {
      return s.error("sample", sample.error());
    }
    int index = sample.value().columns().indexOf(column);
    long count = 0;
    List<Map<String, Object>> examples = new ArrayList<>();
    for (List<Object> row : sample.value().rows()) {
      String v = text(row, index);
      if (v != null && bad.test(v)) {
        count++;
        if (examples.size() < SqlValidation.EXAMPLES) {
          examples.add(example(cls, sample.value(), row, column));
        }
      }
    }
    boolean whole = rows(cls.table()) <= CsvValidation.SAMPLE;
    return s.measured(count, whole, "sample", (long) sample.value().rows().size(), examples, count + " rows: " + what
        + (whole ? " (the whole file)"
            : " in the first " + CsvValidation.SAMPLE + " of " + rows(cls.table()) + " rows"));
  }

  List<Map<String, Object>> sampleRows(ClassSource cls, String column, Predicate<String> match) {
    DataTools.Result<QueryResult> sample = sample(cls.table());
    if (!sample.ok()) {
      return List.of();
    }
    int index = sample.value().columns().indexOf(column);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> row : sample.value().rows()) {
      if (match.test(text(row, index)) && rows.size() < SqlValidation.EXAMPLES) {
        rows.add(example(cls, sample.value(), row, column));
      }
    }
    return rows;
  }

  static Map<String, Object> example(ClassSource cls, QueryResult result, List<Object> row, String column) {
    Map<String, Object> example = new LinkedHashMap<>();
    cls.identifier().map(SlotSource::column).filter(c -> !c.equals(column)).ifPresent(id ->
        example.put(id, text(row, result.columns().indexOf(id))));
    example.put(column, text(row, result.columns().indexOf(column)));
    return example;
  }

  /** Every distinct value of a column with its count, when the profile's top values list them all. */
  static Optional<List<TopValue>> census(SourceTable table, ColumnInfo column) {
    ColumnProfile p = column.profile();
    if (p == null || p.topValues() == null || p.topValues().isEmpty() || p.distinctCount() == null
        || p.distinctApproximate() || p.topValues().size() != p.distinctCount()) {
      return Optional.empty();
    }
    long covered = p.topValues().stream().mapToLong(TopValue::count).sum();
    return covered == table.table().rowCount() - p.nullCount() ? Optional.of(p.topValues()) : Optional.empty();
  }

  DataTools.Result<QueryResult> sample(SourceTable table) {
    return samples.computeIfAbsent(table.sourceId() + "\u0000" + table.name(),
        k -> access.sample(table.sourceId(), table.name(), CsvValidation.SAMPLE));
  }

  static Optional<QualityIssue> issue(SourceTable table, String kind, String column) {
    if (table.table().quality() == null) {
      return Optional.empty();
    }
    return table.table().quality().issues().stream()
        .filter(i -> i.kind().equals(kind) && column.equals(i.column())).findFirst();
  }

  static List<String> values(QueryResult result, List<Object> row, List<String> columns) {
    List<String> key = new ArrayList<>();
    for (String c : columns) {
      key.add(text(row, result.columns().indexOf(c)));
    }
    return key;
  }

  static String text(List<Object> row, int index) {
    if (index < 0 || index >= row.size() || row.get(index) == null) {
      return null;
    }
    String v = row.get(index).toString().strip();
    return v.isEmpty() ? null : v;
  }

  static long rows(SourceTable table) {
    return table.table().rowCount() == null ? Long.MAX_VALUE : table.table().rowCount();
  }

  static Map<String, Object> row(String column, Object value) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(column, value);
    return row;
  }
}
