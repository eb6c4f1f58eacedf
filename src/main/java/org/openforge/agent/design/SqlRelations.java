package org.openforge.agent.design;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openforge.datasource.SqlDialect;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.ontology.infer.SourceTable;

/**
 * The checks of a database source that need a query of their own: references (a foreign key's or a junction
 * table's rows that match no row of the referenced table, counted with {@code not exists}), required multivalued
 * slots without any junction row, and unique keys ({@code group by ... having count(*) > 1}). A failing check runs one
 * more query for at most {@value SqlValidation#EXAMPLES} example rows.
 */
final class SqlRelations {

  private final DataTools access;
  private final SqlDialect dialect;

  SqlRelations(DataTools access, SqlDialect dialect) {
    this.access = access;
    this.dialect = dialect;
  }

  Check reference(ClassSource cls, SlotSource b, long rows) {
    Subject s = SqlValidation.subject(Rule.REFERENTIAL_INTEGRITY, cls, b);
    Optional<String> problem = targetProblem(cls.table(), b.target(), b.slot().range(), b.targetColumns(),
        b.columns().size());
    if (problem.isPresent()) {
      return s.skipped(problem.get());
    }
    String condition = dangling(cls.table(), "t", b.columns(), b.target(), b.targetColumns());
    String from = table(cls.table()) + " t";
    List<String> order = new ArrayList<>(b.columns());
    cls.identifier().map(SlotSource::column).filter(c -> !order.contains(c)).ifPresent(order::add);
    return counted(s, from, condition, order, rows, "rows referring to a " + b.slot().range()
        + " that does not exist in " + b.target().qualifiedName());
  }

  Check junction(ClassSource cls, SlotSource b) {
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
    return counted(s, table(b.via()) + " t", condition, order, junctionRows == null ? -1 : junctionRows,
        "rows of junction table " + b.via().qualifiedName() + " linking a missing " + cls.className() + " or "
            + b.slot().range());
  }

  Check requiredJunction(ClassSource cls, SlotSource b) {
    Subject s = SqlValidation.subject(Rule.NULL_HANDLING, cls, b);
    List<String> ownerTargets = ownerTargets(cls, b);
    if (ownerTargets.size() != b.ownerColumns().size()) {
      return s.skipped("the columns of " + cls.table().qualifiedName() + " the junction table refers to are unknown");
    }
    List<String> joins = new ArrayList<>();
    for (int i = 0; i < ownerTargets.size(); i++) {
      joins.add(dialect.column("j", b.ownerColumns().get(i)) + " = " + dialect.column("t", ownerTargets.get(i)));
    }
    String condition = "not exists (select 1 from " + table(b.via()) + " j where " + String.join(" and ", joins)
        + ")";
    return counted(s, table(cls.table()) + " t", condition, ownerTargets, -1,
        "rows without any " + b.slot().range() + " although the slot is required");
  }

  private List<String> ownerTargets(ClassSource cls, SlotSource b) {
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
    return String.join(" and ", present) + " and not exists (select 1 from " + table(target) + " p where "
        + String.join(" and ", joins) + ")";
  }

  Check uniqueKey(ClassSource cls, String name, List<String> slots) {
    List<String> columns = new ArrayList<>();
    for (String slot : slots) {
      Optional<SlotSource> b = cls.slot(slot);
      if (b.isEmpty() || (b.get().kind() != SlotSource.Kind.COLUMN && b.get().kind() != SlotSource.Kind.REFERENCE)) {
        return new Subject(Rule.IDENTIFIER_UNIQUENESS, cls.className(), String.join(",", slots), cls.table(), List.of())
            .skipped("slot " + slot + " of unique key " + name + " has no column");
      }
      columns.addAll(b.get().columns());
    }
    Subject s = new Subject(Rule.IDENTIFIER_UNIQUENESS, cls.className(), String.join(",", slots), cls.table(),
        columns);
    List<String> cols = columns.stream().map(c -> dialect.column("t", c)).toList();
    String present = String.join(" and ", cols.stream().map(c -> c + " is not null").toList());
    String grouped = " from " + table(cls.table()) + " t where " + present + " group by "
        + String.join(", ", cols) + " having count(*) > 1";
    DataTools.Result<QueryResult> count = access.sql(cls.table().sourceId(),
        "select coalesce(sum(n - 1), 0) as violations from (select count(*) as n" + grouped + ") d", List.of(), 1);
    if (!count.ok()) {
      return s.error("sql", count.error());
    }
    long violations = number(count.value().rows().get(0).get(0));
    List<Map<String, Object>> examples = List.of();
    String note = "";
    if (violations > 0) {
      DataTools.Result<QueryResult> rows = access.sql(cls.table().sourceId(), "select " + String.join(", ", cols)
          + ", count(*) as row_count" + grouped + " order by " + String.join(", ", cols) + " limit "
          + SqlValidation.EXAMPLES, List.of(), SqlValidation.EXAMPLES);
      examples = rows.ok() ? maps(rows.value()) : List.of();
      note = rows.ok() ? "" : " (examples unavailable: " + rows.error() + ")";
    }
    return s.measured(violations, true, "sql", null, examples, (violations == 0 ? "no" : violations)
        + " rows repeating a value of unique key " + name + " (" + String.join(", ", columns) + ")" + note);
  }

  private Check counted(Subject s, String from, String condition, List<String> order, long rows, String explanation) {
    DataTools.Result<QueryResult> count = access.sql(s.table().sourceId(), "select count(*) as violations from "
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
    DataTools.Result<QueryResult> examples = access.sql(s.table().sourceId(), "select " + selected + " from "
        + from + " where " + condition + " order by " + selected + " limit " + SqlValidation.EXAMPLES, List.of(),
        SqlValidation.EXAMPLES);
    String note = examples.ok() ? "" : " (examples unavailable: " + examples.error() + ")";
    return s.measured(violations, true, "sql", checked, examples.ok() ? maps(examples.value()) : List.of(),
        violations + " " + explanation + note);
  }

  /** The identifier column first (to find the row), then the checked columns. */
  static List<String> exampleColumns(ClassSource cls, List<String> checked) {
    Set<String> columns = new LinkedHashSet<>();
    cls.identifier().map(SlotSource::column).ifPresent(columns::add);
    columns.addAll(checked);
    return List.copyOf(columns);
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

  private String table(SourceTable t) {
    return dialect.qualified(t.table().schema(), t.name());
  }
}
