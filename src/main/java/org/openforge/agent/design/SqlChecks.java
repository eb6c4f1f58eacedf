package org.openforge.agent.design;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.ontology.infer.SourceTable;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * Validation pushed down to a PostgreSQL or MySQL/MariaDB source through {@code execute_sql}. Per table, one
 * aggregate query counts every value-level violation at once (nulls in required slots, values that do not fit their
 * range, values outside an enum, pattern mismatches, values below the minimum or above the maximum, duplicate
 * identifiers); each reference (foreign key or junction table) and each unique key has one counting query of its own
 * ({@code not exists} against the referenced table, {@code group by ... having count(*) > 1}). Only a failing check
 * runs a second query, for at most {@value #EXAMPLES} example rows.
 */
final class SqlChecks {

  static final int EXAMPLES = 5;
  private static final int ITEMS_PER_QUERY = 30;

  private final SourceAccess access;
  private final SchemaView view;
  private final Set<Rule> rules;
  private final SqlDialect dialect;

  SqlChecks(SourceAccess access, SchemaView view, Set<Rule> rules, String sourceType) {
    this.access = access;
    this.view = view;
    this.rules = rules;
    this.dialect = SqlDialect.of(sourceType);
  }

  /** A value-level check counted by the table's aggregate query. */
  private static final class Item {
    final Subject subject;
    final String aggregate;
    final List<String> params;
    final String predicate;
    final List<String> predicateParams;
    final String explanation;
    final boolean duplicates;
    long count;
    String error;

    Item(Subject subject, String predicate, List<String> params, String explanation) {
      this.subject = subject;
      this.aggregate = "sum(case when " + predicate + " then 1 else 0 end)";
      this.params = params;
      this.predicate = predicate;
      this.predicateParams = params;
      this.explanation = explanation;
      this.duplicates = false;
    }

    Item(Subject subject, String column, String explanation) {
      this.subject = subject;
      this.aggregate = "count(" + column + ") - count(distinct " + column + ")";
      this.params = List.of();
      this.predicate = column;
      this.predicateParams = List.of();
      this.explanation = explanation;
      this.duplicates = true;
    }
  }

  List<Check> run(ClassBinding cls) {
    List<Object> entries = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    long[] rows = {-1};
    for (SlotBinding b : cls.slots()) {
      switch (b.kind()) {
        case COLUMN -> column(cls, b, entries, items);
        case REFERENCE -> reference(cls, b, entries, items, rows);
        case JUNCTION -> junction(cls, b, entries);
        default -> { }
      }
    }
    if (rules.contains(Rule.IDENTIFIER_UNIQUENESS)) {
      cls.uniqueKeys().forEach((name, slots) -> entries.add((Supplier<Check>) () -> uniqueKey(cls, name, slots)));
    }
    rows[0] = aggregate(cls.table(), items);
    List<Check> checks = new ArrayList<>();
    for (Object e : entries) {
      if (e instanceof Check c) {
        checks.add(c);
      } else if (e instanceof Item i) {
        checks.add(finish(cls, i, rows[0]));
      } else {
        @SuppressWarnings("unchecked")
        Supplier<Check> deferred = (Supplier<Check>) e;
        checks.add(deferred.get());
      }
    }
    return checks;
  }

  private void column(ClassBinding cls, SlotBinding b, List<Object> entries, List<Item> items) {
    SlotDefinition slot = b.slot();
    SourceTable t = cls.table();
    ColumnInfo info = t.column(b.column()).orElseThrow();
    String col = dialect.column("t", b.column());
    String family = ValueTypes.family(view, slot);
    if (rules.contains(Rule.NULL_HANDLING) && slot.isRequired()) {
      add(entries, items, new Item(subject(Rule.NULL_HANDLING, cls, b), col + " is null", List.of(),
          "rows without a value for a required slot"));
    }
    if (rules.contains(Rule.TYPE_COMPATIBILITY)) {
      typeCheck(cls, b, info, col, family, entries, items);
    }
    if (rules.contains(Rule.ENUM_MEMBERSHIP) && view.isEnum(slot.range())) {
      List<String> values = List.copyOf(view.enumDefinition(slot.range()).orElseThrow().permissibleValues().keySet());
      Subject s = subject(Rule.ENUM_MEMBERSHIP, cls, b);
      if (values.isEmpty()) {
        entries.add(s.skipped("enum " + slot.range() + " lists no values (a dynamic enum)"));
      } else {
        String marks = String.join(", ", values.stream().map(v -> "?").toList());
        add(entries, items, new Item(s, col + " is not null and " + dialect.text(col) + " not in (" + marks + ")",
            values, "values outside enum " + slot.range() + " " + values));
      }
    }
    Optional<String> pattern = pattern(slot);
    if (rules.contains(Rule.PATTERN) && pattern.isPresent()) {
      add(entries, items, new Item(subject(Rule.PATTERN, cls, b), col + " is not null and not ("
          + dialect.matches(dialect.text(col)) + ")", List.of(pattern.get()), "values not matching "
          + pattern.get()));
    }
    if (rules.contains(Rule.VALUE_RANGE)) {
      valueRange(cls, b, info, col, family, entries, items);
    }
    if (rules.contains(Rule.IDENTIFIER_UNIQUENESS) && slot.isIdentifier()) {
      add(entries, items, new Item(subject(Rule.IDENTIFIER_UNIQUENESS, cls, b), col,
          "rows repeating an identifier value (every row beyond the first of each value)"));
    }
  }

  private void typeCheck(ClassBinding cls, SlotBinding b, ColumnInfo info, String col, String family,
      List<Object> entries, List<Item> items) {
    TypeFit fit = TypeFit.of(family, info, dialect, col);
    Subject s = subject(Rule.TYPE_COMPATIBILITY, cls, b);
    if (fit.byColumnType()) {
      entries.add(s.measured(0, true, "column_type", null, List.of(), "the column type guarantees it: "
          + fit.explanation()));
    } else {
      add(entries, items, new Item(s, fit.predicate(), fit.params(), fit.explanation()));
    }
  }

  private void valueRange(ClassBinding cls, SlotBinding b, ColumnInfo info, String col, String family,
      List<Object> entries, List<Item> items) {
    SlotDefinition slot = b.slot();
    boolean type = view.isType(slot.range()) && !view.isClass(slot.range()) && !view.isEnum(slot.range());
    BigDecimal min = slot.minimumValue() != null ? slot.minimumValue()
        : type ? view.typeMinimum(slot.range()).orElse(null) : null;
    BigDecimal max = slot.maximumValue() != null ? slot.maximumValue()
        : type ? view.typeMaximum(slot.range()).orElse(null) : null;
    if (min == null && max == null) {
      return;
    }
    Subject s = subject(Rule.VALUE_RANGE, cls, b);
    if (!ValueTypes.numeric(family)) {
      entries.add(s.skipped("minimum_value and maximum_value bound numbers; the range is " + slot.range()));
      return;
    }
    List<String> parts = new ArrayList<>();
    List<String> params = new ArrayList<>();
    String trimmed = "trim(" + dialect.text(col) + ")";
    String value = info.normalizedType().numeric() ? col
        : "case when " + dialect.matches(trimmed) + " then " + dialect.number(trimmed) + " end";
    if (min != null) {
      parts.add(value + " < " + dialect.numberParameter());
      if (!info.normalizedType().numeric()) {
        params.add(ValueTypes.NUMBER);
      }
      params.add(min.toPlainString());
    }
    if (max != null) {
      parts.add(value + " > " + dialect.numberParameter());
      if (!info.normalizedType().numeric()) {
        params.add(ValueTypes.NUMBER);
      }
      params.add(max.toPlainString());
    }
    String bounds = (min == null ? "" : "minimum " + min.toPlainString()) + (min != null && max != null ? ", " : "")
        + (max == null ? "" : "maximum " + max.toPlainString());
    add(entries, items, new Item(s, col + " is not null and (" + String.join(" or ", parts) + ")", params,
        "values outside " + bounds));
  }

  private void reference(ClassBinding cls, SlotBinding b, List<Object> entries, List<Item> items, long[] rows) {
    SlotDefinition slot = b.slot();
    if (rules.contains(Rule.NULL_HANDLING) && slot.isRequired()) {
      String predicate = String.join(" or ", b.columns().stream().map(c -> dialect.column("t", c) + " is null")
          .toList());
      add(entries, items, new Item(subject(Rule.NULL_HANDLING, cls, b), "(" + predicate + ")", List.of(),
          "rows without a reference for a required slot"));
    }
    if (rules.contains(Rule.TYPE_COMPATIBILITY) && b.columns().size() == 1) {
      ColumnInfo info = cls.table().column(b.column()).orElseThrow();
      typeCheck(cls, b, info, dialect.column("t", b.column()), ValueTypes.family(view, slot), entries, items);
    }
    if (rules.contains(Rule.REFERENTIAL_INTEGRITY)) {
      entries.add((Supplier<Check>) () -> referenceCheck(cls, b, rows[0]));
    }
  }

  private Check referenceCheck(ClassBinding cls, SlotBinding b, long rows) {
    Subject s = subject(Rule.REFERENTIAL_INTEGRITY, cls, b);
    Optional<String> problem = targetProblem(cls.table(), b.target(), b.slot().range(), b.targetColumns(),
        b.columns().size());
    if (problem.isPresent()) {
      return s.skipped(problem.get());
    }
    String condition = dangling(cls.table(), "t", b.columns(), b.target(), b.targetColumns());
    String from = dialect.table(cls.table()) + " t";
    List<String> order = new ArrayList<>(b.columns());
    cls.identifier().map(SlotBinding::column).filter(c -> !order.contains(c)).ifPresent(order::add);
    return counted(s, from, condition, order, rows, "rows referring to a " + b.slot().range()
        + " that does not exist in " + b.target().qualifiedName());
  }

  private void junction(ClassBinding cls, SlotBinding b, List<Object> entries) {
    if (rules.contains(Rule.REFERENTIAL_INTEGRITY)) {
      entries.add((Supplier<Check>) () -> junctionCheck(cls, b));
    }
    if (rules.contains(Rule.NULL_HANDLING) && b.slot().isRequired()) {
      entries.add((Supplier<Check>) () -> requiredJunction(cls, b));
    }
  }

  private Check junctionCheck(ClassBinding cls, SlotBinding b) {
    Subject s = new Subject(Rule.REFERENTIAL_INTEGRITY, cls.className(), b.name(), b.via(), b.columns());
    List<String> ownerTargets = ownerTargets(cls, b);
    Optional<String> problem = targetProblem(b.via(), b.target(), b.slot().range(), b.targetColumns(),
        b.columns().size())
        .or(() -> targetProblem(b.via(), cls.table(), cls.className(), ownerTargets, b.ownerColumns().size()));
    if (problem.isPresent()) {
      return s.skipped(problem.get());
    }
    String condition = "(" + dangling(b.via(), "t", b.ownerColumns(), cls.table(), ownerTargets) + ") or ("
        + dangling(b.via(), "t", b.columns(), b.target(), b.targetColumns()) + ")";
    List<String> order = new ArrayList<>(b.ownerColumns());
    order.addAll(b.columns());
    Long junctionRows = b.via().table().rowCount();
    return counted(s, dialect.table(b.via()) + " t", condition, order, junctionRows == null ? -1 : junctionRows,
        "rows of junction table " + b.via().qualifiedName() + " linking a missing " + cls.className() + " or "
            + b.slot().range());
  }

  private Check requiredJunction(ClassBinding cls, SlotBinding b) {
    Subject s = subject(Rule.NULL_HANDLING, cls, b);
    List<String> ownerTargets = ownerTargets(cls, b);
    if (ownerTargets.size() != b.ownerColumns().size()) {
      return s.skipped("the columns of " + cls.table().qualifiedName() + " the junction table refers to are unknown");
    }
    List<String> joins = new ArrayList<>();
    for (int i = 0; i < ownerTargets.size(); i++) {
      joins.add(dialect.column("j", b.ownerColumns().get(i)) + " = " + dialect.column("t", ownerTargets.get(i)));
    }
    String condition = "not exists (select 1 from " + dialect.table(b.via()) + " j where " + String.join(" and ", joins)
        + ")";
    return counted(s, dialect.table(cls.table()) + " t", condition, ownerTargets, -1,
        "rows without any " + b.slot().range() + " although the slot is required");
  }

  private List<String> ownerTargets(ClassBinding cls, SlotBinding b) {
    Optional<ForeignKey> fk = b.via().table().foreignKeys().stream()
        .filter(f -> f.columns().equals(b.ownerColumns())).findFirst();
    if (fk.isPresent()) {
      return fk.get().referencedColumns();
    }
    return cls.identifier().map(i -> List.of(i.column())).orElse(List.of());
  }

  private Optional<String> targetProblem(SourceTable from, SourceTable target, String targetClass,
      List<String> targetColumns, int columnCount) {
    if (target == null) {
      return Optional.of("the range class " + targetClass + " has no table in the attached sources");
    }
    if (!target.sourceId().equals(from.sourceId())) {
      return Optional.of(targetClass + " comes from another source (" + target.sourceId() + "): references across "
          + "sources are not checked in SQL");
    }
    if (targetColumns.size() != columnCount) {
      return Optional.of("the columns of " + target.qualifiedName() + " the reference points at are unknown");
    }
    Optional<String> missing = targetColumns.stream().filter(c -> target.column(c).isEmpty()).findFirst();
    return missing.map(c -> "column " + c + " is no longer in " + target.qualifiedName());
  }

  /** Rows of {@code alias} whose (non-null) columns match no row of the target. */
  private String dangling(SourceTable table, String alias, List<String> columns, SourceTable target,
      List<String> targetColumns) {
    List<String> present = new ArrayList<>();
    List<String> joins = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String child = dialect.column(alias, columns.get(i));
      String parent = dialect.column("p", targetColumns.get(i));
      boolean sameType = table.column(columns.get(i)).map(ColumnInfo::normalizedType)
          .equals(target.column(targetColumns.get(i)).map(ColumnInfo::normalizedType));
      present.add(child + " is not null");
      joins.add(sameType ? parent + " = " + child : dialect.text(parent) + " = " + dialect.text(child));
    }
    return String.join(" and ", present) + " and not exists (select 1 from " + dialect.table(target) + " p where "
        + String.join(" and ", joins) + ")";
  }

  private Check uniqueKey(ClassBinding cls, String name, List<String> slots) {
    List<String> columns = new ArrayList<>();
    for (String slot : slots) {
      Optional<SlotBinding> b = cls.slot(slot);
      if (b.isEmpty() || (b.get().kind() != SlotBinding.Kind.COLUMN && b.get().kind() != SlotBinding.Kind.REFERENCE)) {
        return new Subject(Rule.IDENTIFIER_UNIQUENESS, cls.className(), String.join(",", slots), cls.table(), List.of())
            .skipped("slot " + slot + " of unique key " + name + " has no column");
      }
      columns.addAll(b.get().columns());
    }
    Subject s = new Subject(Rule.IDENTIFIER_UNIQUENESS, cls.className(), String.join(",", slots), cls.table(),
        columns);
    List<String> cols = columns.stream().map(c -> dialect.column("t", c)).toList();
    String present = String.join(" and ", cols.stream().map(c -> c + " is not null").toList());
    String grouped = " from " + dialect.table(cls.table()) + " t where " + present + " group by "
        + String.join(", ", cols) + " having count(*) > 1";
    SourceAccess.Result<QueryResult> count = access.sql(cls.table().sourceId(),
        "select coalesce(sum(n - 1), 0) as violations from (select count(*) as n" + grouped + ") d", List.of(), 1);
    if (!count.ok()) {
      return s.error("sql", count.error());
    }
    long violations = number(count.value().rows().get(0).get(0));
    List<Map<String, Object>> examples = List.of();
    String note = "";
    if (violations > 0) {
      SourceAccess.Result<QueryResult> rows = access.sql(cls.table().sourceId(), "select " + String.join(", ", cols)
          + ", count(*) as row_count" + grouped + " order by " + String.join(", ", cols) + " limit " + EXAMPLES,
          List.of(), EXAMPLES);
      examples = rows.ok() ? maps(rows.value()) : List.of();
      note = rows.ok() ? "" : " (examples unavailable: " + rows.error() + ")";
    }
    return s.measured(violations, true, "sql", null, examples, (violations == 0 ? "no" : violations)
        + " rows repeating a value of unique key " + name + " (" + String.join(", ", columns) + ")" + note);
  }

  /** Runs the aggregate queries of a table; returns its row count. */
  private long aggregate(SourceTable table, List<Item> items) {
    long rows = -1;
    if (items.isEmpty()) {
      return rows;
    }
    for (int start = 0; start < items.size(); start += ITEMS_PER_QUERY) {
      List<Item> chunk = items.subList(start, Math.min(items.size(), start + ITEMS_PER_QUERY));
      StringBuilder sql = new StringBuilder("select count(*) as row_count");
      List<String> params = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(", ").append(chunk.get(i).aggregate).append(" as v").append(i + 1);
        params.addAll(chunk.get(i).params);
      }
      sql.append(" from ").append(dialect.table(table)).append(" t");
      SourceAccess.Result<QueryResult> result = access.sql(table.sourceId(), sql.toString(), params, 1);
      if (!result.ok()) {
        chunk.forEach(i -> i.error = result.error());
        continue;
      }
      List<Object> row = result.value().rows().get(0);
      rows = number(row.get(0));
      for (int i = 0; i < chunk.size(); i++) {
        chunk.get(i).count = number(row.get(i + 1));
      }
    }
    return rows;
  }

  private Check finish(ClassBinding cls, Item item, long rows) {
    if (item.error != null) {
      return item.subject.error("sql", item.error);
    }
    Long checked = rows < 0 ? null : rows;
    String scope = rows < 0 ? "" : " of " + rows + " rows";
    if (item.count == 0) {
      return item.subject.measured(0, true, "sql", checked, List.of(), "none" + scope + ": " + item.explanation);
    }
    String sql;
    List<String> columns = exampleColumns(cls, item.subject.columns());
    String selected = String.join(", ", columns.stream().map(c -> dialect.column("t", c)).toList());
    if (item.duplicates) {
      sql = "select " + item.predicate + ", count(*) as row_count from " + dialect.table(cls.table()) + " t where "
          + item.predicate + " is not null group by " + item.predicate + " having count(*) > 1 order by "
          + item.predicate + " limit " + EXAMPLES;
    } else {
      sql = "select " + selected + " from " + dialect.table(cls.table()) + " t where " + item.predicate
          + " order by " + selected + " limit " + EXAMPLES;
    }
    SourceAccess.Result<QueryResult> examples = access.sql(cls.table().sourceId(), sql, item.predicateParams,
        EXAMPLES);
    String note = examples.ok() ? "" : " (examples unavailable: " + examples.error() + ")";
    return item.subject.measured(item.count, true, "sql", checked, examples.ok() ? maps(examples.value())
        : List.of(), item.count + scope + ": " + item.explanation + note);
  }

  private Check counted(Subject s, String from, String condition, List<String> order, long rows, String explanation) {
    SourceAccess.Result<QueryResult> count = access.sql(s.table().sourceId(), "select count(*) as violations from "
        + from + " where " + condition, List.of(), 1);
    if (!count.ok()) {
      return s.error("sql", count.error());
    }
    long violations = number(count.value().rows().get(0).get(0));
    Long checked = rows < 0 ? null : rows;
    if (violations == 0) {
      return s.measured(0, true, "sql", checked, List.of(), "none: " + explanation);
    }
    Set<String> shown = new LinkedHashSet<>(order);
    String selected = String.join(", ", shown.stream().map(c -> dialect.column("t", c)).toList());
    SourceAccess.Result<QueryResult> examples = access.sql(s.table().sourceId(), "select " + selected + " from "
        + from + " where " + condition + " order by " + selected + " limit " + EXAMPLES, List.of(), EXAMPLES);
    String note = examples.ok() ? "" : " (examples unavailable: " + examples.error() + ")";
    return s.measured(violations, true, "sql", checked, examples.ok() ? maps(examples.value()) : List.of(),
        violations + " " + explanation + note);
  }

  /** The identifier column first (to find the row), then the checked columns. */
  private static List<String> exampleColumns(ClassBinding cls, List<String> checked) {
    Set<String> columns = new LinkedHashSet<>();
    cls.identifier().map(SlotBinding::column).ifPresent(columns::add);
    columns.addAll(checked);
    return List.copyOf(columns);
  }

  private Optional<String> pattern(SlotDefinition slot) {
    if (slot.pattern() != null) {
      return Optional.of(slot.pattern());
    }
    return view.isType(slot.range()) && !view.isClass(slot.range()) ? view.typePattern(slot.range())
        : Optional.empty();
  }

  private static void add(List<Object> entries, List<Item> items, Item item) {
    entries.add(item);
    items.add(item);
  }

  private static Subject subject(Rule rule, ClassBinding cls, SlotBinding b) {
    return new Subject(rule, cls.className(), b.name(), cls.table(), b.columns());
  }

  static List<Map<String, Object>> maps(QueryResult result) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < result.columns().size(); i++) {
        map.put(result.columns().get(i), row.get(i));
      }
      rows.add(map);
    }
    return rows;
  }

  static long number(Object value) {
    if (value == null) {
      return 0;
    }
    return value instanceof Number n ? n.longValue() : new BigDecimal(value.toString()).longValue();
  }
}
