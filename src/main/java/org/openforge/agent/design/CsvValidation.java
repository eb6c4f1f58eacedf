package org.openforge.agent.design;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ColumnProfile;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.datasource.catalog.QualityIssue;
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
final class CsvValidation {

  static final int SAMPLE = 200;
  static final int TOP_VALUES = 50;

  private final SchemaView view;
  private final Set<Rule> rules;
  private final CsvValues values;
  private final CsvRelations relations;

  CsvValidation(DataTools access, SchemaView view, Set<Rule> rules) {
    this.view = view;
    this.rules = rules;
    this.values = new CsvValues(access);
    this.relations = new CsvRelations(values);
  }

  List<Check> run(ClassSource cls) {
    List<Check> checks = new ArrayList<>();
    for (SlotSource b : cls.slots()) {
      if (b.kind() == SlotSource.Kind.COLUMN || (b.kind() == SlotSource.Kind.REFERENCE && b.columns().size() == 1)) {
        value(cls, b, checks);
      } else if (b.kind() == SlotSource.Kind.REFERENCE || b.kind() == SlotSource.Kind.JUNCTION) {
        if (rules.contains(Rule.REFERENTIAL_INTEGRITY)) {
          Subject s = new Subject(Rule.REFERENTIAL_INTEGRITY, cls.className(), b.name(),
              b.via() == null ? cls.table() : b.via(), b.columns());
          checks.add(b.kind() == SlotSource.Kind.JUNCTION ? relations.junction(cls, b, s)
              : s.skipped("composite references in CSV files are not checked"));
        }
      }
    }
    if (rules.contains(Rule.IDENTIFIER_UNIQUENESS)) {
      cls.uniqueKeys().forEach((name, slots) -> checks.add(relations.uniqueKey(cls, name, slots)));
    }
    return checks;
  }

  private void value(ClassSource cls, SlotSource b, List<Check> checks) {
    SlotDefinition slot = b.slot();
    SourceTable t = cls.table();
    ColumnInfo column = t.column(b.column()).orElseThrow();
    String family = ValueFamilies.family(view, slot);
    if (rules.contains(Rule.NULL_HANDLING) && slot.isRequired()) {
      checks.add(nulls(cls, b, column));
    } else if (rules.contains(Rule.NULL_HANDLING) && !slot.isMultivalued()) {
      checks.add(nulls(cls, b, column).asFinding("a CSV file declares no NOT NULL, so the slot is optional and"
          + " its empty values are a data-quality finding, not a violation"));
    }
    if (rules.contains(Rule.TYPE_COMPATIBILITY)) {
      checks.add(type(cls, b, column, family));
    }
    if (b.kind() == SlotSource.Kind.REFERENCE && rules.contains(Rule.REFERENTIAL_INTEGRITY)) {
      checks.add(relations.reference(cls, b));
    }
    if (rules.contains(Rule.ENUM_MEMBERSHIP) && view.isEnum(slot.range())) {
      Set<String> permitted = view.enumDefinition(slot.range()).orElseThrow().permissibleValues().keySet();
      checks.add(values.values(subject(Rule.ENUM_MEMBERSHIP, cls, b), t, column, v -> !permitted.contains(v),
          "values outside enum " + slot.range()));
    }
    Optional<String> pattern = ValueFamilies.pattern(view, slot);
    if (rules.contains(Rule.PATTERN) && pattern.isPresent()) {
      Subject s = subject(Rule.PATTERN, cls, b);
      try {
        Pattern p = Pattern.compile(pattern.get());
        checks.add(values.values(s, t, column, v -> !p.matcher(v).find(), "values not matching " + pattern.get()));
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

  private Check nulls(ClassSource cls, SlotSource b, ColumnInfo column) {
    Subject s = subject(Rule.NULL_HANDLING, cls, b);
    ColumnProfile p = column.profile();
    if (p == null) {
      return s.error("profile", "the file has no profile of " + column.name());
    }
    List<Map<String, Object>> examples = p.nullCount() == 0 ? List.of()
        : values.sampleRows(cls, b.column(), v -> v == null);
    return s.measured(p.nullCount(), true, "profile", cls.table().table().rowCount(), examples, p.nullCount()
        + " of " + cls.table().table().rowCount() + " rows have no value (counted over the whole file)");
  }

  private Check type(ClassSource cls, SlotSource b, ColumnInfo column, String family) {
    Subject s = subject(Rule.TYPE_COMPATIBILITY, cls, b);
    if (family.equals("string") || family.equals("enum")) {
      return s.measured(0, true, "text", cls.table().table().rowCount(), List.of(), "every CSV value is text");
    }
    if (CsvValues.census(cls.table(), column).isPresent()) {
      return values.values(s, cls.table(), column, v -> !ValueFamilies.fits(family, v),
          "values that do not read as " + family);
    }
    String inferred = family(column.normalizedType());
    Optional<QualityIssue> misfits = CsvValues.issue(cls.table(), "type_inconsistency", column.name());
    long m = misfits.map(QualityIssue::count).orElse(0L);
    if (inferred.equals(family) || (m == 0 && widens(inferred, family))) {
      List<Map<String, Object>> examples = misfits.map(i -> i.examples().stream()
          .map(v -> CsvValues.row(column.name(), v)).toList()).orElse(List.of());
      return s.measured(m, true, "profile", cls.table().table().rowCount(), examples, m + " values do not read as "
          + column.normalizedType().value() + " (the profiler's count over the whole file)");
    }
    return values.sampled(s, cls, column.name(), v -> !ValueFamilies.fits(family, v),
        "values that do not read as " + family);
  }

  private Optional<Check> range(ClassSource cls, SlotSource b, ColumnInfo column, String family) {
    Optional<Bounds> bounds = Bounds.of(view, b.slot());
    if (bounds.isEmpty()) {
      return Optional.empty();
    }
    Subject s = subject(Rule.VALUE_RANGE, cls, b);
    if (!ValueFamilies.numeric(family)) {
      return Optional.of(s.skipped("minimum_value and maximum_value bound numbers; the range is " + b.slot().range()));
    }
    Predicate<String> outside = v -> ValueFamilies.fits("number", v)
        && bounds.get().outside(new BigDecimal(v.startsWith("+") ? v.substring(1) : v));
    String what = bounds.get().describe();
    if (CsvValues.census(cls.table(), column).isPresent()) {
      return Optional.of(values.values(s, cls.table(), column, outside, what));
    }
    ColumnProfile p = column.profile();
    if (column.normalizedType().numeric() && p != null && p.min() != null && p.max() != null) {
      BigDecimal low = new BigDecimal(p.min().toString());
      BigDecimal high = new BigDecimal(p.max().toString());
      if (!bounds.get().outside(low) && !bounds.get().outside(high)) {
        return Optional.of(s.measured(0, true, "profile", cls.table().table().rowCount(), List.of(), "none: the "
            + "column's minimum " + low.toPlainString() + " and maximum " + high.toPlainString() + " are within "
            + "bounds"));
      }
    }
    return Optional.of(values.sampled(s, cls, column.name(), outside, what));
  }

  private Check identifier(ClassSource cls, SlotSource b, ColumnInfo column) {
    Subject s = subject(Rule.IDENTIFIER_UNIQUENESS, cls, b);
    ColumnProfile p = column.profile();
    if (p == null || p.distinctCount() == null || p.distinctApproximate()) {
      return relations.uniqueSample(s, cls, List.of(column.name()), "identifier " + b.name());
    }
    long nonNull = cls.table().table().rowCount() - p.nullCount();
    long duplicates = nonNull - p.distinctCount();
    List<Map<String, Object>> examples = p.topValues() == null ? List.of() : p.topValues().stream()
        .filter(v -> v.count() > 1).limit(SqlValidation.EXAMPLES).map(v -> {
          Map<String, Object> row = CsvValues.row(column.name(), v.value());
          row.put("row_count", v.count());
          return row;
        }).toList();
    return s.measured(duplicates, true, "profile", cls.table().table().rowCount(), examples, duplicates
        + " rows repeat an identifier value (non-null values minus distinct values, counted over the whole file)");
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

  static Subject subject(Rule rule, ClassSource cls, SlotSource b) {
    return new Subject(rule, cls.className(), b.name(), cls.table(), b.columns());
  }
}
