package org.openforge.agent.design;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.openforge.datasource.SqlDialect;
import org.openforge.datasource.catalog.ColumnInfo;
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
final class SqlValidation {

  static final int EXAMPLES = 5;
  private static final int ITEMS_PER_QUERY = 30;

  private final DataTools access;
  private final SchemaView view;
  private final Set<Rule> rules;
  private final SqlDialect dialect;
  private final SqlRelations relations;

  SqlValidation(DataTools access, SchemaView view, Set<Rule> rules, String sourceType) {
    this.access = access;
    this.view = view;
    this.rules = rules;
    this.dialect = java.util.Objects.requireNonNullElse(SqlDialect.of(sourceType), SqlDialect.POSTGRESQL);
    this.relations = new SqlRelations(access, dialect);
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
    /** why its violations are a data-quality finding rather than a failure, or null */
    String finding;
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

  List<Check> run(ClassSource cls) {
    List<Object> entries = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    long[] rows = {-1};
    for (SlotSource b : cls.slots()) {
      switch (b.kind()) {
        case COLUMN -> column(cls, b, entries, items);
        case REFERENCE -> reference(cls, b, entries, items, rows);
        case JUNCTION -> junction(cls, b, entries);
        default -> { }
      }
    }
    if (rules.contains(Rule.IDENTIFIER_UNIQUENESS)) {
      cls.uniqueKeys().forEach((name, slots) ->
          entries.add((Supplier<Check>) () -> relations.uniqueKey(cls, name, slots)));
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

  private void column(ClassSource cls, SlotSource b, List<Object> entries, List<Item> items) {
    SlotDefinition slot = b.slot();
    SourceTable t = cls.table();
    ColumnInfo info = t.column(b.column()).orElseThrow();
    String col = dialect.column("t", b.column());
    String family = ValueFamilies.family(view, slot);
    if (rules.contains(Rule.NULL_HANDLING) && slot.isRequired()) {
      add(entries, items, new Item(subject(Rule.NULL_HANDLING, cls, b), col + " is null", List.of(),
          "rows without a value for a required slot"));
    } else if (rules.contains(Rule.NULL_HANDLING) && !slot.isIdentifier()) {
      Item nulls = new Item(subject(Rule.NULL_HANDLING, cls, b), col + " is null", List.of(),
          "rows without a value");
      nulls.finding = "the source declares the column nullable, so the slot is optional and its nulls are a"
          + " data-quality finding, not a violation";
      add(entries, items, nulls);
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
    Optional<String> pattern = ValueFamilies.pattern(view, slot);
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

  private void typeCheck(ClassSource cls, SlotSource b, ColumnInfo info, String col, String family,
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

  private void valueRange(ClassSource cls, SlotSource b, ColumnInfo info, String col, String family,
      List<Object> entries, List<Item> items) {
    Optional<Bounds> bounds = Bounds.of(view, b.slot());
    if (bounds.isEmpty()) {
      return;
    }
    Subject s = subject(Rule.VALUE_RANGE, cls, b);
    if (!ValueFamilies.numeric(family)) {
      entries.add(s.skipped("minimum_value and maximum_value bound numbers; the range is " + b.slot().range()));
      return;
    }
    List<String> parts = new ArrayList<>();
    List<String> params = new ArrayList<>();
    String trimmed = "trim(" + dialect.text(col) + ")";
    boolean numeric = info.normalizedType().numeric();
    String value = numeric ? col
        : "case when " + dialect.matches(trimmed) + " then " + dialect.number(trimmed) + " end";
    for (String op : List.of("<", ">")) {
      BigDecimal bound = op.equals("<") ? bounds.get().min() : bounds.get().max();
      if (bound != null) {
        parts.add(value + " " + op + " " + dialect.number("?"));
        if (!numeric) {
          params.add(ValueFamilies.NUMBER);
        }
        params.add(bound.toPlainString());
      }
    }
    add(entries, items, new Item(s, col + " is not null and (" + String.join(" or ", parts) + ")", params,
        bounds.get().describe()));
  }

  private void reference(ClassSource cls, SlotSource b, List<Object> entries, List<Item> items, long[] rows) {
    SlotDefinition slot = b.slot();
    if (rules.contains(Rule.NULL_HANDLING) && slot.isRequired()) {
      String predicate = String.join(" or ", b.columns().stream().map(c -> dialect.column("t", c) + " is null")
          .toList());
      add(entries, items, new Item(subject(Rule.NULL_HANDLING, cls, b), "(" + predicate + ")", List.of(),
          "rows without a reference for a required slot"));
    }
    if (rules.contains(Rule.TYPE_COMPATIBILITY) && b.columns().size() == 1) {
      ColumnInfo info = cls.table().column(b.column()).orElseThrow();
      typeCheck(cls, b, info, dialect.column("t", b.column()), ValueFamilies.family(view, slot), entries, items);
    }
    if (rules.contains(Rule.REFERENTIAL_INTEGRITY)) {
      entries.add((Supplier<Check>) () -> relations.reference(cls, b, rows[0]));
    }
  }

  private void junction(ClassSource cls, SlotSource b, List<Object> entries) {
    if (rules.contains(Rule.REFERENTIAL_INTEGRITY)) {
      entries.add((Supplier<Check>) () -> relations.junction(cls, b));
    }
    if (rules.contains(Rule.NULL_HANDLING) && b.slot().isRequired()) {
      entries.add((Supplier<Check>) () -> relations.requiredJunction(cls, b));
    }
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
      sql.append(" from ").append(table(table)).append(" t");
      DataTools.Result<QueryResult> result = access.sql(table.sourceId(), sql.toString(), params, 1);
      if (!result.ok()) {
        chunk.forEach(i -> i.error = result.error());
        continue;
      }
      List<Object> row = result.value().rows().get(0);
      rows = SqlRelations.number(row.get(0));
      for (int i = 0; i < chunk.size(); i++) {
        chunk.get(i).count = SqlRelations.number(row.get(i + 1));
      }
    }
    return rows;
  }

  private Check finish(ClassSource cls, Item item, long rows) {
    Check check = measure(cls, item, rows);
    return item.finding == null ? check : check.asFinding(item.finding);
  }

  private Check measure(ClassSource cls, Item item, long rows) {
    if (item.error != null) {
      return item.subject.error("sql", item.error);
    }
    Long checked = rows < 0 ? null : rows;
    String scope = rows < 0 ? "" : " of " + rows + " rows";
    if (item.count == 0) {
      return item.subject.measured(0, true, "sql", checked, List.of(), "none" + scope + ": " + item.explanation);
    }
    String sql;
    List<String> columns = SqlRelations.exampleColumns(cls, item.subject.columns());
    String selected = String.join(", ", columns.stream().map(c -> dialect.column("t", c)).toList());
    if (item.duplicates) {
      sql = "select " + item.predicate + ", count(*) as row_count from " + table(cls.table()) + " t where "
          + item.predicate + " is not null group by " + item.predicate + " having count(*) > 1 order by "
          + item.predicate + " limit " + EXAMPLES;
    } else {
      sql = "select " + selected + " from " + table(cls.table()) + " t where " + item.predicate
          + " order by " + selected + " limit " + EXAMPLES;
    }
    DataTools.Result<QueryResult> examples = access.sql(cls.table().sourceId(), sql, item.predicateParams,
        EXAMPLES);
    String note = examples.ok() ? "" : " (examples unavailable: " + examples.error() + ")";
    return item.subject.measured(item.count, true, "sql", checked, examples.ok() ? SqlRelations.maps(examples.value())
        : List.of(), item.count + scope + ": " + item.explanation + note);
  }


  private static void add(List<Object> entries, List<Item> items, Item item) {
    entries.add(item);
    items.add(item);
  }

  static Subject subject(Rule rule, ClassSource cls, SlotSource b) {
    return new Subject(rule, cls.className(), b.name(), cls.table(), b.columns());
  }

  private String table(SourceTable t) {
    return dialect.qualified(t.table().schema(), t.name());
  }
}
