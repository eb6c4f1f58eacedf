package org.openforge.agent.design;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ColumnProfile;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.datasource.catalog.QualityIssue;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.datasource.catalog.TopValue;
import org.openforge.ontology.infer.SourceTable;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * Validation of CSV sources, which have no SQL: from a fresh {@code profile_source} (every file streamed once, with
 * {@value #TOP_VALUES} top values per column) and a bounded {@code sample_rows} of the first {@value #SAMPLE} rows.
 * <ul>
 *   <li>Exact from the profile: null counts (required slots), duplicate identifier values (non-null minus distinct,
 *       when the distinct count is exact), orphan references (the profiler's count for the inferred relationship on
 *       the same column), values that do not read as the column's inferred type when the slot's range is that type,
 *       and min/max within bounds.</li>
 *   <li>Exact from a census: when the top values cover every non-null value of a column, type, enum, pattern and
 *       range checks count each distinct value with its row count.</li>
 *   <li>Otherwise the first {@value #SAMPLE} rows are checked: exact when the file has no more rows, else a lower
 *       bound ({@code exact: false}).</li>
 * </ul>
 */
final class CsvChecks {

  static final int SAMPLE = 200;
  static final int TOP_VALUES = 50;

  private final SourceAccess access;
  private final SchemaView view;
  private final Set<Rule> rules;
  private final Map<String, SourceAccess.Result<QueryResult>> samples = new HashMap<>();

  CsvChecks(SourceAccess access, SchemaView view, Set<Rule> rules) {
    this.access = access;
    this.view = view;
    this.rules = rules;
  }

  List<Check> run(ClassBinding cls) {
    List<Check> checks = new ArrayList<>();
    for (SlotBinding b : cls.slots()) {
      if (b.kind() == SlotBinding.Kind.COLUMN || (b.kind() == SlotBinding.Kind.REFERENCE && b.columns().size() == 1)) {
        value(cls, b, checks);
      } else if (b.kind() == SlotBinding.Kind.REFERENCE || b.kind() == SlotBinding.Kind.JUNCTION) {
        if (rules.contains(Rule.REFERENTIAL_INTEGRITY)) {
          Subject s = new Subject(Rule.REFERENTIAL_INTEGRITY, cls.className(), b.name(),
              b.via() == null ? cls.table() : b.via(), b.columns());
          checks.add(b.kind() == SlotBinding.Kind.JUNCTION ? junction(cls, b, s)
              : s.skipped("composite references in CSV files are not checked"));
        }
      }
    }
    if (rules.contains(Rule.IDENTIFIER_UNIQUENESS)) {
      cls.uniqueKeys().forEach((name, slots) -> checks.add(uniqueKey(cls, name, slots)));
    }
    return checks;
  }

  private void value(ClassBinding cls, SlotBinding b, List<Check> checks) {
    SlotDefinition slot = b.slot();
    SourceTable t = cls.table();
    ColumnInfo column = t.column(b.column()).orElseThrow();
    String family = ValueTypes.family(view, slot);
    if (rules.contains(Rule.NULL_HANDLING) && slot.isRequired()) {
      checks.add(nulls(cls, b, column));
    }
    if (rules.contains(Rule.TYPE_COMPATIBILITY)) {
      checks.add(type(cls, b, column, family));
    }
    if (b.kind() == SlotBinding.Kind.REFERENCE && rules.contains(Rule.REFERENTIAL_INTEGRITY)) {
      checks.add(reference(cls, b));
    }
    if (rules.contains(Rule.ENUM_MEMBERSHIP) && view.isEnum(slot.range())) {
      Set<String> values = view.enumDefinition(slot.range()).orElseThrow().permissibleValues().keySet();
      checks.add(values(subject(Rule.ENUM_MEMBERSHIP, cls, b), t, column, v -> !values.contains(v),
          "values outside enum " + slot.range()));
    }
    Optional<String> pattern = slot.pattern() != null ? Optional.of(slot.pattern())
        : view.isType(slot.range()) && !view.isClass(slot.range()) ? view.typePattern(slot.range()) : Optional.empty();
    if (rules.contains(Rule.PATTERN) && pattern.isPresent()) {
      Subject s = subject(Rule.PATTERN, cls, b);
      try {
        Pattern p = Pattern.compile(pattern.get());
        checks.add(values(s, t, column, v -> !p.matcher(v).find(), "values not matching " + pattern.get()));
      } catch (PatternSyntaxException e) {
        checks.add(s.error("pattern", "pattern " + pattern.get() + " is not a valid regular expression: "
            + e.getDescription()));
      }
    }
    if (rules.contains(Rule.VALUE_RANGE)) {
      range(cls, b, column, family).ifPresent(checks::add);
    }
    if (rules.contains(Rule.IDENTIFIER_UNIQUENESS) && slot.isIdentifier()) {
      checks.add(identifier(cls, b, column));
    }
  }

  private Check nulls(ClassBinding cls, SlotBinding b, ColumnInfo column) {
    Subject s = subject(Rule.NULL_HANDLING, cls, b);
    ColumnProfile p = column.profile();
    if (p == null) {
      return s.error("profile", "the file has no profile of " + column.name());
    }
    List<Map<String, Object>> examples = p.nullCount() == 0 ? List.of()
        : sampleRows(cls, b.column(), v -> v == null);
    return s.measured(p.nullCount(), true, "profile", cls.table().table().rowCount(), examples, p.nullCount()
        + " of " + cls.table().table().rowCount() + " rows have no value (counted over the whole file)");
  }

  private Check type(ClassBinding cls, SlotBinding b, ColumnInfo column, String family) {
    Subject s = subject(Rule.TYPE_COMPATIBILITY, cls, b);
    if (family.equals("string") || family.equals("enum")) {
      return s.measured(0, true, "text", cls.table().table().rowCount(), List.of(), "every CSV value is text");
    }
    if (census(cls.table(), column).isPresent()) {
      return values(s, cls.table(), column, v -> !ValueTypes.fits(family, v), "values that do not read as " + family);
    }
    String inferred = family(column.normalizedType());
    Optional<QualityIssue> misfits = issue(cls.table(), "type_inconsistency", column.name());
    long m = misfits.map(QualityIssue::count).orElse(0L);
    if (inferred.equals(family) || (m == 0 && widens(inferred, family))) {
      List<Map<String, Object>> examples = misfits.map(i -> i.examples().stream()
          .map(v -> row(column.name(), v)).toList()).orElse(List.of());
      return s.measured(m, true, "profile", cls.table().table().rowCount(), examples, m + " values do not read as "
          + column.normalizedType().value() + " (the profiler's count over the whole file)");
    }
    return sampled(s, cls, column.name(), v -> !ValueTypes.fits(family, v), "values that do not read as " + family);
  }

  private Optional<Check> range(ClassBinding cls, SlotBinding b, ColumnInfo column, String family) {
    SlotDefinition slot = b.slot();
    boolean type = view.isType(slot.range()) && !view.isClass(slot.range()) && !view.isEnum(slot.range());
    BigDecimal min = slot.minimumValue() != null ? slot.minimumValue()
        : type ? view.typeMinimum(slot.range()).orElse(null) : null;
    BigDecimal max = slot.maximumValue() != null ? slot.maximumValue()
        : type ? view.typeMaximum(slot.range()).orElse(null) : null;
    if (min == null && max == null) {
      return Optional.empty();
    }
    Subject s = subject(Rule.VALUE_RANGE, cls, b);
    if (!ValueTypes.numeric(family)) {
      return Optional.of(s.skipped("minimum_value and maximum_value bound numbers; the range is " + slot.range()));
    }
    Predicate<String> outside = v -> {
      if (!ValueTypes.fits("number", v)) {
        return false;
      }
      BigDecimal n = new BigDecimal(v.startsWith("+") ? v.substring(1) : v);
      return (min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0);
    };
    String bounds = "values outside " + (min == null ? "" : "minimum " + min.toPlainString())
        + (min != null && max != null ? ", " : "") + (max == null ? "" : "maximum " + max.toPlainString());
    if (census(cls.table(), column).isPresent()) {
      return Optional.of(values(s, cls.table(), column, outside, bounds));
    }
    ColumnProfile p = column.profile();
    if (column.normalizedType().numeric() && p != null && p.min() != null && p.max() != null) {
      BigDecimal low = new BigDecimal(p.min().toString());
      BigDecimal high = new BigDecimal(p.max().toString());
      if ((min == null || low.compareTo(min) >= 0) && (max == null || high.compareTo(max) <= 0)) {
        return Optional.of(s.measured(0, true, "profile", cls.table().table().rowCount(), List.of(), "none: the "
            + "column's minimum " + low.toPlainString() + " and maximum " + high.toPlainString() + " are within "
            + "bounds"));
      }
    }
    return Optional.of(sampled(s, cls, column.name(), outside, bounds));
  }

  private Check identifier(ClassBinding cls, SlotBinding b, ColumnInfo column) {
    Subject s = subject(Rule.IDENTIFIER_UNIQUENESS, cls, b);
    ColumnProfile p = column.profile();
    if (p == null || p.distinctCount() == null || p.distinctApproximate()) {
      return uniqueSample(s, cls, List.of(column.name()), "identifier " + b.name());
    }
    long nonNull = cls.table().table().rowCount() - p.nullCount();
    long duplicates = nonNull - p.distinctCount();
    List<Map<String, Object>> examples = p.topValues() == null ? List.of() : p.topValues().stream()
        .filter(v -> v.count() > 1).limit(SqlChecks.EXAMPLES).map(v -> {
          Map<String, Object> row = row(column.name(), v.value());
          row.put("row_count", v.count());
          return row;
        }).toList();
    return s.measured(duplicates, true, "profile", cls.table().table().rowCount(), examples, duplicates
        + " rows repeat an identifier value (non-null values minus distinct values, counted over the whole file)");
  }

  private Check reference(ClassBinding cls, SlotBinding b) {
    Subject s = subject(Rule.REFERENTIAL_INTEGRITY, cls, b);
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
      Optional<QualityIssue> orphans = issue(cls.table(), "orphan_foreign_key", String.join(",", b.columns()));
      long count = orphans.map(QualityIssue::count).orElse(0L);
      List<Map<String, Object>> examples = orphans.map(i -> i.examples().stream().map(v -> row(b.column(), v))
          .toList()).orElse(List.of());
      return s.measured(count, true, "profile", cls.table().table().rowCount(), examples, count + " rows refer to a "
          + b.slot().range() + " missing from " + target.name() + " (the profiler's exact value comparison)");
    }
    return smallJoin(s, cls.table(), b.columns(), target, b.targetColumns(), b.slot().range());
  }

  private Check junction(ClassBinding cls, SlotBinding b, Subject s) {
    if (b.target() == null || b.targetColumns().size() != b.columns().size()) {
      return s.skipped("the file and columns the junction points at are unknown");
    }
    return smallJoin(s, b.via(), b.columns(), b.target(), b.targetColumns(), b.slot().range());
  }

  /** Compares both files in full when each has at most {@value #SAMPLE} rows; otherwise nothing can be proven. */
  private Check smallJoin(Subject s, SourceTable child, List<String> columns, SourceTable target,
      List<String> targetColumns, String targetClass) {
    if (!target.sourceId().equals(child.sourceId()) || targetColumns.size() != columns.size()) {
      return s.skipped(targetClass + " is in another source or its key columns are unknown");
    }
    if (rows(child) > SAMPLE || rows(target) > SAMPLE) {
      return s.skipped("no relationship between " + child.name() + " and " + target.name() + " was inferred by the "
          + "profiler, and a bounded sample of the first " + SAMPLE + " rows cannot prove a reference missing");
    }
    SourceAccess.Result<QueryResult> childRows = sample(child);
    SourceAccess.Result<QueryResult> parentRows = sample(target);
    if (!childRows.ok() || !parentRows.ok()) {
      return s.error("sample", childRows.ok() ? parentRows.error() : childRows.error());
    }
    Set<List<String>> keys = new HashSet<>();
    for (List<Object> row : parentRows.value().rows()) {
      keys.add(values(parentRows.value(), row, targetColumns));
    }
    long count = 0;
    List<Map<String, Object>> examples = new ArrayList<>();
    for (List<Object> row : childRows.value().rows()) {
      List<String> key = values(childRows.value(), row, columns);
      if (!key.contains(null) && !keys.contains(key)) {
        count++;
        if (examples.size() < SqlChecks.EXAMPLES) {
          Map<String, Object> example = new LinkedHashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            example.put(columns.get(i), key.get(i));
          }
          examples.add(example);
        }
      }
    }
    return s.measured(count, true, "sample", rows(child), examples, count + " rows refer to a " + targetClass
        + " missing from " + target.name() + " (both files compared in full)");
  }

  private Check uniqueKey(ClassBinding cls, String name, List<String> slots) {
    List<String> columns = new ArrayList<>();
    for (String slot : slots) {
      Optional<SlotBinding> b = cls.slot(slot);
      if (b.isEmpty() || b.get().columns().isEmpty() || b.get().kind() == SlotBinding.Kind.JUNCTION
          || b.get().kind() == SlotBinding.Kind.COMPUTED) {
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

  private Check uniqueSample(Subject s, ClassBinding cls, List<String> columns, String what) {
    SourceAccess.Result<QueryResult> sample = sample(cls.table());
    if (!sample.ok()) {
      return s.error("sample", sample.error());
    }
    Map<List<String>, Integer> seen = new LinkedHashMap<>();
    for (List<Object> row : sample.value().rows()) {
      List<String> key = values(sample.value(), row, columns);
      if (!key.contains(null)) {
        seen.merge(key, 1, Integer::sum);
      }
    }
    long duplicates = seen.values().stream().mapToLong(n -> n - 1).sum();
    List<Map<String, Object>> examples = seen.entrySet().stream().filter(e -> e.getValue() > 1)
        .limit(SqlChecks.EXAMPLES).map(e -> {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), e.getKey().get(i));
          }
          row.put("row_count", e.getValue());
          return row;
        }).toList();
    boolean whole = rows(cls.table()) <= SAMPLE;
    return s.measured(duplicates, whole, "sample", (long) sample.value().rows().size(), examples, duplicates
        + " rows repeat a value of " + what + (whole ? " (the whole file)" : " in the first " + SAMPLE + " rows"));
  }

  /** A value check: exact over a census of the column, else over the sample. */
  private Check values(Subject s, SourceTable table, ColumnInfo column, Predicate<String> bad, String what) {
    Optional<List<TopValue>> census = census(table, column);
    if (census.isEmpty()) {
      return sampled(s, new ClassBinding(s.className(), table, null, null, List.of(), Map.of()), column.name(), bad,
          what);
    }
    long count = 0;
    List<Map<String, Object>> examples = new ArrayList<>();
    for (TopValue v : census.get()) {
      if (bad.test(v.value())) {
        count += v.count();
        if (examples.size() < SqlChecks.EXAMPLES) {
          Map<String, Object> row = row(column.name(), v.value());
          row.put("row_count", v.count());
          examples.add(row);
        }
      }
    }
    return s.measured(count, true, "census", table.table().rowCount(), examples, count + " rows: " + what
        + " (every distinct value of the column with its row count)");
  }

  private Check sampled(Subject s, ClassBinding cls, String column, Predicate<String> bad, String what) {
    SourceAccess.Result<QueryResult> sample = sample(cls.table());
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
        if (examples.size() < SqlChecks.EXAMPLES) {
          examples.add(example(cls, sample.value(), row, column));
        }
      }
    }
    boolean whole = rows(cls.table()) <= SAMPLE;
    return s.measured(count, whole, "sample", (long) sample.value().rows().size(), examples, count + " rows: " + what
        + (whole ? " (the whole file)" : " in the first " + SAMPLE + " of " + rows(cls.table()) + " rows"));
  }

  private List<Map<String, Object>> sampleRows(ClassBinding cls, String column, Predicate<String> match) {
    SourceAccess.Result<QueryResult> sample = sample(cls.table());
    if (!sample.ok()) {
      return List.of();
    }
    int index = sample.value().columns().indexOf(column);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> row : sample.value().rows()) {
      if (match.test(text(row, index)) && rows.size() < SqlChecks.EXAMPLES) {
        rows.add(example(cls, sample.value(), row, column));
      }
    }
    return rows;
  }

  private static Map<String, Object> example(ClassBinding cls, QueryResult result, List<Object> row, String column) {
    Map<String, Object> example = new LinkedHashMap<>();
    cls.identifier().map(SlotBinding::column).filter(c -> !c.equals(column)).ifPresent(id ->
        example.put(id, text(row, result.columns().indexOf(id))));
    example.put(column, text(row, result.columns().indexOf(column)));
    return example;
  }

  /** Every distinct value of a column with its count, when the profile's top values list them all. */
  private static Optional<List<TopValue>> census(SourceTable table, ColumnInfo column) {
    ColumnProfile p = column.profile();
    if (p == null || p.topValues() == null || p.topValues().isEmpty() || p.distinctCount() == null
        || p.distinctApproximate() || p.topValues().size() != p.distinctCount()) {
      return Optional.empty();
    }
    long covered = p.topValues().stream().mapToLong(TopValue::count).sum();
    return covered == table.table().rowCount() - p.nullCount() ? Optional.of(p.topValues()) : Optional.empty();
  }

  private SourceAccess.Result<QueryResult> sample(SourceTable table) {
    return samples.computeIfAbsent(table.sourceId() + "\u0000" + table.name(),
        k -> access.sample(table.sourceId(), table.name(), SAMPLE));
  }

  private static Optional<QualityIssue> issue(SourceTable table, String kind, String column) {
    if (table.table().quality() == null) {
      return Optional.empty();
    }
    return table.table().quality().issues().stream()
        .filter(i -> i.kind().equals(kind) && column.equals(i.column())).findFirst();
  }

  private static List<String> values(QueryResult result, List<Object> row, List<String> columns) {
    List<String> key = new ArrayList<>();
    for (String c : columns) {
      key.add(text(row, result.columns().indexOf(c)));
    }
    return key;
  }

  private static String text(List<Object> row, int index) {
    if (index < 0 || index >= row.size() || row.get(index) == null) {
      return null;
    }
    String v = row.get(index).toString().strip();
    return v.isEmpty() ? null : v;
  }

  private static long rows(SourceTable table) {
    return table.table().rowCount() == null ? Long.MAX_VALUE : table.table().rowCount();
  }

  private static Map<String, Object> row(String column, Object value) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(column, value);
    return row;
  }

  private static String family(NormalizedType type) {
    return switch (type) {
      case INTEGER -> "integer";
      case DECIMAL, FLOAT -> "number";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case DATETIME -> "datetime";
      case TIME -> "time";
      default -> "string";
    };
  }

  private static boolean widens(String from, String to) {
    return from.equals(to) || (from.equals("integer") && to.equals("number"))
        || (from.equals("date") && to.equals("datetime"));
  }

  private static Subject subject(Rule rule, ClassBinding cls, SlotBinding b) {
    return new Subject(rule, cls.className(), b.name(), cls.table(), b.columns());
  }
}
