package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openforge.datasource.SqlDialect;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.ontology.infer.SourceTable;
import org.openforge.ontology.linkml.SchemaView;

/**
 * How one slot is filled from its source, as the transformation mapping lists it. {@code kind}: {@code direct} (the
 * column as is), {@code cast} (the column converted to the range: CSV text, or another column type), {@code lookup}
 * (through a foreign key or a junction table to the range class's identifier), {@code aggregation} (over the rows of
 * a related table) or {@code derived} (computed from columns of the same row). {@code expression} is SQL over the
 * class's source table, which it names by its table name (PostgreSQL syntax for PostgreSQL and CSV sources, MariaDB
 * syntax for MySQL/MariaDB ones).
 */
public record SlotMapping(String slot, String kind, String sourceColumn, String expression, String sourceType,
    String targetRange, String perRowSql) {

  public SlotMapping(String slot, String kind, String sourceColumn, String expression, String sourceType,
      String targetRange) {
    this(slot, kind, sourceColumn, expression, sourceType, targetRange, null);
  }

  private static final java.util.regex.Pattern WINDOW = java.util.regex.Pattern.compile(
      "(?i)^(\\w+)\\((.*)\\) OVER \\(PARTITION BY (\\w+)\\.(\\w+)\\)$");

  static SlotMapping of(SlotSource b, ClassSource cls, List<ClassSource> all, SchemaView view, String type) {
    SourceTable table = cls.table();
    String range = b.slot().range();
    return switch (b.kind()) {
      case COLUMN -> column(b, table, view, type);
      case REFERENCE -> new SlotMapping(b.name(), "lookup", String.join(",", b.columns()), reference(b, cls, all,
          view, type), nativeTypes(table, b.columns()), range);
      case JUNCTION -> new SlotMapping(b.name(), "lookup", b.via().name() + "." + String.join(",", b.columns()),
          junction(b, cls, type), nativeTypes(b.via(), b.columns()), range);
      case COMPUTED -> computed(b, table, range);
      case UNBOUND -> throw new IllegalArgumentException("slot " + b.name() + " is not bound");
    };
  }

  private static SlotMapping column(SlotSource b, SourceTable table, SchemaView view, String type) {
    ColumnInfo column = table.column(b.column()).orElseThrow();
    String range = b.slot().range();
    String root = view.isEnum(range) ? "string" : view.isType(range) ? view.typeRoot(range) : "string";
    boolean csv = "csv".equals(type);
    boolean direct = csv ? root.equals("string") || root.equals("uri") || root.equals("uriorcurie")
        : sameType(column.normalizedType(), root);
    String name = b.column();
    return new SlotMapping(b.name(), direct ? "direct" : "cast", name, direct ? name : cast(name, root, type),
        column.nativeType(), range);
  }

  private static SlotMapping computed(SlotSource b, SourceTable table, String range) {
    String kind = "aggregation".equals(b.derivation()) ? "aggregation" : "derived";
    SourceTable via = b.via() == null ? table : b.via();
    String prefix = via.sameAs(table) ? "" : via.name() + ".";
    String columns = String.join(",", b.columns().stream().map(c -> prefix + c).toList());
    return new SlotMapping(b.name(), kind, columns.isEmpty() ? null : columns, b.expression(),
        b.columns().isEmpty() ? null : nativeTypes(via, b.columns()), range,
        "aggregation".equals(kind) ? perRow(b.expression(), via, table) : null);
  }

  /**
   * The aggregation as an expression over the class's own table, written against the table holding its columns:
   * {@code SUM(sales.amount) OVER (PARTITION BY sales.customer_id)} over customers becomes {@code (SELECT
   * SUM(sales.amount) FROM shop.sales sales WHERE sales.customer_id = customers.customer_id)}, which runs as
   * {@code SELECT <it> FROM shop.customers} (the window needs the child table in FROM, which the class's table is not).
   */
  static String perRow(String expression, SourceTable child, SourceTable parent) {
    java.util.regex.Matcher m = expression == null ? null : WINDOW.matcher(expression.strip());
    if (m == null || !m.matches()) {
      return null;
    }
    String fkColumn = m.group(4);
    Optional<String> key = child.table().foreignKeys().stream().filter(f -> f.columns().equals(List.of(fkColumn)))
        .map(f -> f.referencedColumns().get(0)).findFirst();
    if (key.isEmpty()) {
      return null;
    }
    return "(SELECT " + m.group(1) + "(" + m.group(2) + ") FROM " + child.qualifiedName() + " " + m.group(3)
        + " WHERE " + m.group(3) + "." + fkColumn + " = " + parent.name() + "." + key.get() + ")";
  }

  /** The range class's identifier value: the foreign key's value when it references the identifier, else a join. */
  private static String reference(SlotSource b, ClassSource cls, List<ClassSource> all, SchemaView view,
      String type) {
    Optional<String> identifier = all.stream().filter(c -> c.className().equals(b.slot().range()) && c.bound())
        .findFirst().flatMap(ClassSource::identifier).map(SlotSource::column);
    if (identifier.isPresent() && b.targetColumns().equals(List.of(identifier.get()))) {
      String family = ValueFamilies.family(view, b.slot());
      String root = family.equals("number") ? "decimal" : family;
      boolean text = family.equals("string") || family.equals("enum");
      return "csv".equals(type) && !text ? cast(b.column(), root, type) : b.column();
    }
    if (identifier.isEmpty() || b.target() == null || b.targetColumns().size() != b.columns().size()) {
      return b.columns().size() == 1 ? b.column() : "(" + String.join(", ", b.columns()) + ")";
    }
    List<String> joins = new ArrayList<>();
    for (int i = 0; i < b.columns().size(); i++) {
      joins.add("p." + b.targetColumns().get(i) + " = " + cls.table().name() + "." + b.columns().get(i));
    }
    return "(SELECT p." + identifier.get() + " FROM " + b.target().qualifiedName() + " p WHERE "
        + String.join(" AND ", joins) + ")";
  }

  private static String junction(SlotSource b, ClassSource cls, String type) {
    List<String> owner = b.ownerColumns();
    List<String> keys = cls.identifier().map(i -> List.of(i.column())).orElse(List.of());
    List<String> joins = new ArrayList<>();
    for (int i = 0; i < owner.size(); i++) {
      String key = i < keys.size() ? keys.get(i) : owner.get(i);
      joins.add("j." + owner.get(i) + " = " + cls.table().name() + "." + key);
    }
    String values = b.columns().size() == 1 ? "j." + b.column() : "(" + String.join(", ", b.columns().stream()
        .map(c -> "j." + c).toList()) + ")";
    String from = " FROM " + b.via().qualifiedName() + " j WHERE " + String.join(" AND ", joins);
    return dialect(type).array(values, from);
  }

  private static boolean sameType(NormalizedType type, String root) {
    return switch (type) {
      case INTEGER -> root.equals("integer");
      case DECIMAL -> root.equals("decimal");
      case FLOAT -> root.equals("float") || root.equals("double");
      case BOOLEAN -> root.equals("boolean");
      case DATE -> root.equals("date");
      case DATETIME -> root.equals("datetime");
      case TIME -> root.equals("time");
      default -> !List.of("integer", "decimal", "float", "double", "boolean", "date", "datetime", "time")
          .contains(root);
    };
  }

  private static String cast(String column, String root, String type) {
    return dialect(type).convert(column, root);
  }

  /** The source type's dialect; PostgreSQL's spelling for a type without one. */
  private static SqlDialect dialect(String sourceType) {
    return java.util.Objects.requireNonNullElse(SqlDialect.of(sourceType), SqlDialect.POSTGRESQL);
  }

  private static String nativeTypes(SourceTable table, List<String> columns) {
    return String.join(",", columns.stream().map(c -> table.column(c).map(ColumnInfo::nativeType).orElse("unknown"))
        .toList());
  }
}
