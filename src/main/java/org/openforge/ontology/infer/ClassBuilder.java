package org.openforge.ontology.infer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ColumnProfile;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.datasource.catalog.UniqueConstraint;
import org.openforge.ontology.linkml.ClassDefinition;
import org.openforge.ontology.linkml.SlotDefinition;

/** Builds the class of one entity table: its attributes, references, junction and computed slots, unique keys. */
final class ClassBuilder {

  static final String EMAIL_PATTERN = "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+[.][A-Za-z]{2,}$";
  static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
  private static final Pattern ALL_MATCH = Pattern.compile("^(\\d+) of (\\d+) non-null values");
  private static final Pattern NON_NEGATIVE = Pattern.compile(
      "(?i).*(amount|price|quantity|qty|total|cost|count|revenue|balance|units|fee|tax|discount|salary|weight"
          + "|stock).*");
  private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?");
  private static final Set<String> SUFFIXES = Set.of("_id", "_code", "_key", "_no", "_number", "_ref", "_fk");

  private final SchemaInference inference;
  private final SourceTable table;
  private final String className;
  private final ClassDefinition.Builder builder;
  private final Set<String> columnNames = new HashSet<>();
  private final Set<String> used = new HashSet<>();
  private final Map<String, String> slotOfColumn = new LinkedHashMap<>();
  private final Optional<Identifiers.Choice> identifier;

  ClassBuilder(SchemaInference inference, SourceTable table) {
    this.inference = inference;
    this.table = table;
    this.className = inference.className(table);
    this.builder = ClassDefinition.builder(className);
    table.table().columns().forEach(c -> columnNames.add(Naming.snake(c.name())));
    this.identifier = Identifiers.choose(table, inference.referencedColumns(table));
  }

  void columns() {
    List<ForeignKey> fks = new ArrayList<>(table.table().foreignKeys());
    fks.sort(Comparator.comparingInt((ForeignKey fk) -> Junctions.position(table, fk)).thenComparing(ForeignKey::name));
    for (ColumnInfo c : table.table().columns()) {
      Optional<ForeignKey> fk = fks.stream().filter(f -> f.columns().contains(c.name())).findFirst();
      Optional<SourceTable> target = fk.flatMap(table::target).filter(t -> inference.className(t) != null);
      if (fk.isPresent() && target.isEmpty()) {
        inference.note(table.qualifiedName() + "." + c.name() + " references " + fk.get().referencedTable()
            + ", which is not an entity of the attached catalogs: kept as a plain value");
      }
      boolean reference = target.isPresent();
      boolean first = reference && fk.get().columns().get(0).equals(c.name());
      boolean identifies = identifier.map(i -> i.column().equals(c.name())).orElse(false);
      if (!reference || identifies) {
        scalar(c);
      }
      if (first) {
        reference(fk.get(), target.get());
      }
    }
    if (identifier.isEmpty()) {
      inference.note(className + " (" + table.qualifiedName() + ") has no single-column key: no identifier"
          + (table.table().primaryKey().size() > 1 ? "; its composite primary key is a unique key" : ""));
    }
  }

  private void scalar(ColumnInfo c) {
    String name = claim(Naming.snake(c.name()));
    boolean id = identifier.map(i -> i.column().equals(c.name())).orElse(false);
    SlotDefinition.Builder slot = SlotDefinition.builder(name).range(range(c.normalizedType()));
    if (id) {
      slot.identifier(true);
    } else if (required(c)) {
      slot.required(true);
    }
    StringBuilder description = new StringBuilder(Naming.words(Naming.snake(c.name())) + ": column " + c.name() + " ("
        + c.nativeType() + ") of " + table.qualifiedName());
    if (id) {
      description.append("; identifies a ").append(Naming.words(Naming.singular(Naming.snake(table.name())))
          .toLowerCase(Locale.ROOT)).append(" (").append(identifier.get().reason()).append(")");
    }
    boolean keyed = id || table.table().foreignKeys().stream().anyMatch(f -> f.columns().contains(c.name()));
    if (!keyed && Enums.candidate(table, c)) {
      Optional<List<String>> values = Enums.values(table, c);
      if (values.isPresent()) {
        slot.range(inference.enumFor(className, table, c, values.get()));
      } else {
        inference.note(table.qualifiedName() + "." + c.name() + " looks like a category but its profile does not "
            + "list every value: kept as string");
      }
    }
    pattern(c).ifPresent(slot::pattern);
    if (!keyed && c.normalizedType().numeric() && nonNegative(c)) {
      slot.minimumValue(BigDecimal.ZERO);
    }
    List<String> dimensions = inference.requirementsByDimension(name);
    if (!dimensions.isEmpty()) {
      description.append(". Dimension of ").append(inference.cite(dimensions));
    }
    slot.description(description + ".");
    Map<String, Object> annotations = origin();
    annotations.put(Provenance.SOURCE_COLUMN, c.name());
    annotations.put(Provenance.SOURCE_TYPE, c.nativeType());
    if (!dimensions.isEmpty()) {
      annotations.put(Provenance.REQUIREMENTS, String.join(",", dimensions));
    }
    slot.extension("annotations", annotations);
    builder.attribute(slot.build());
    slotOfColumn.putIfAbsent(c.name(), name);
  }

  private void reference(ForeignKey fk, SourceTable target) {
    String base = fk.columns().size() == 1 ? strip(Naming.snake(fk.columns().get(0)))
        : Naming.singular(Naming.snake(target.name()));
    String name = claim(columnNames.contains(base) && fk.columns().size() == 1 ? Naming.snake(fk.columns().get(0))
        : base);
    String targetClass = inference.className(target);
    boolean required = fk.columns().stream().allMatch(n -> table.column(n).map(this::required).orElse(false));
    SlotDefinition.Builder slot = SlotDefinition.builder(name).range(targetClass);
    if (required) {
      slot.required(true);
    }
    String from = String.join(", ", fk.columns());
    String to = target.qualifiedName() + "(" + String.join(", ", fk.referencedColumns()) + ")";
    StringBuilder description = new StringBuilder("The " + Naming.words(Naming.snake(targetClass))
        .toLowerCase(Locale.ROOT) + " this " + Naming.words(Naming.snake(className)).toLowerCase(Locale.ROOT)
        + " refers to: foreign key " + fk.name() + " (" + from + " → " + to + ")");
    List<String> dimensions = inference.requirementsByDimension(name);
    if (!dimensions.isEmpty()) {
      description.append(". Dimension of ").append(inference.cite(dimensions));
    }
    slot.description(description + ".");
    Map<String, Object> annotations = origin();
    annotations.put(Provenance.SOURCE_COLUMN, String.join(",", fk.columns()));
    annotations.put(Provenance.SOURCE_TYPE, String.join(",", fk.columns().stream()
        .map(n -> table.column(n).map(ColumnInfo::nativeType).orElse("unknown")).toList()));
    annotations.put(Provenance.FOREIGN_KEY, fk.name());
    annotations.put(Provenance.TARGET_COLUMN, String.join(",", fk.referencedColumns()));
    if (!dimensions.isEmpty()) {
      annotations.put(Provenance.REQUIREMENTS, String.join(",", dimensions));
    }
    slot.extension("annotations", annotations);
    builder.attribute(slot.build());
    fk.columns().forEach(n -> slotOfColumn.putIfAbsent(n, name));
    inference.relationship();
  }

  void junction(Junctions.Junction j) {
    ForeignKey fk = j.target();
    String base = fk.columns().size() == 1 ? Naming.plural(strip(Naming.snake(fk.columns().get(0))))
        : Naming.plural(Naming.singular(Naming.snake(j.targetTable().name())));
    String name = claim(used.contains(base) || columnNames.contains(base) ? Naming.snake(j.table().name()) : base);
    String targetClass = inference.className(j.targetTable());
    SlotDefinition.Builder slot = SlotDefinition.builder(name).range(targetClass).multivalued(true);
    slot.description("The " + Naming.words(Naming.plural(Naming.snake(targetClass))).toLowerCase(Locale.ROOT)
        + " of this " + Naming.words(Naming.snake(className)).toLowerCase(Locale.ROOT) + ", from junction table "
        + j.table().qualifiedName() + " (" + String.join(", ", j.owner().columns()) + " → " + table.qualifiedName()
        + ", " + String.join(", ", fk.columns()) + " → " + j.targetTable().qualifiedName() + ").");
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put(Provenance.SOURCE_ID, j.table().sourceId());
    annotations.put(Provenance.SOURCE_TABLE, j.table().qualifiedName());
    annotations.put(Provenance.OWNER_COLUMN, String.join(",", j.owner().columns()));
    annotations.put(Provenance.SOURCE_COLUMN, String.join(",", fk.columns()));
    annotations.put(Provenance.TARGET_COLUMN, String.join(",", fk.referencedColumns()));
    annotations.put(Provenance.FOREIGN_KEY, j.owner().name() + "," + fk.name());
    slot.extension("annotations", annotations);
    builder.attribute(slot.build());
    inference.relationship();
  }

  void measure(Measures.Measure m) {
    if (used.contains(m.slot()) || columnNames.contains(m.slot())) {
      return;
    }
    String name = claim(m.slot());
    SlotDefinition.Builder slot = SlotDefinition.builder(name).range(m.range());
    String of = m.column() == null ? "rows" : m.column().name();
    slot.description(Naming.words(name) + ": " + m.function().toLowerCase(Locale.ROOT) + " of " + m.from().name() + "."
        + of + " per " + Naming.words(Naming.snake(className)).toLowerCase(Locale.ROOT) + ", computed as "
        + m.expression() + "; asked for by " + inference.cite(List.of(m.requirement())) + " ('" + m.phrase().strip()
        + "').");
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put(Provenance.SOURCE_ID, m.from().sourceId());
    annotations.put(Provenance.SOURCE_TABLE, m.from().qualifiedName());
    annotations.put(Provenance.SOURCE_COLUMN, m.column() == null ? m.partition().columns().get(0)
        : m.column().name());
    annotations.put(Provenance.DERIVATION, "aggregation");
    annotations.put(Provenance.EXPRESSION, m.expression());
    annotations.put(Provenance.PARTITION_COLUMN, m.partition().columns().get(0));
    annotations.put(Provenance.REQUIREMENTS, m.requirement());
    slot.extension("annotations", annotations);
    builder.attribute(slot.build());
  }

  ClassDefinition build() {
    String singular = Naming.singular(Naming.snake(table.name()));
    StringBuilder description = new StringBuilder("A " + Naming.words(singular).toLowerCase(Locale.ROOT) + ": one row"
        + " of " + ("csv".equals(table.catalog().sourceType()) ? "file " : "table ") + table.qualifiedName()
        + " in source '" + table.catalog().sourceName() + "'");
    List<String> named = inference.requirementsNaming(singular);
    if (!named.isEmpty()) {
      description.append(". Requirements naming it: ").append(inference.cite(named));
    }
    builder.description(description + ".");
    Map<String, Object> annotations = origin();
    if (!named.isEmpty()) {
      annotations.put(Provenance.REQUIREMENTS, String.join(",", named));
    }
    builder.extension("annotations", annotations);
    Map<String, Object> keys = new LinkedHashMap<>();
    if (table.table().primaryKey().size() > 1) {
      keys.put("primary_key", uniqueKey("primary_key", table.table().primaryKey()));
    }
    for (UniqueConstraint u : table.table().uniqueConstraints()) {
      boolean isIdentifier = identifier.map(i -> u.columns().equals(List.of(i.column()))).orElse(false);
      if (!isIdentifier) {
        keys.put(u.name(), uniqueKey(u.name(), u.columns()));
      }
    }
    if (!keys.isEmpty()) {
      builder.extension(Provenance.UNIQUE_KEYS, keys);
    }
    return builder.build();
  }

  private Map<String, Object> uniqueKey(String name, List<String> columns) {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("unique_key_name", name);
    key.put("unique_key_slots", columns.stream().map(c -> slotOfColumn.getOrDefault(c, Naming.snake(c))).distinct()
        .toList());
    return key;
  }

  private Map<String, Object> origin() {
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put(Provenance.SOURCE_ID, table.sourceId());
    annotations.put(Provenance.SOURCE_TABLE, table.qualifiedName());
    return annotations;
  }

  private String claim(String wanted) {
    String name = wanted;
    for (int n = 2; !used.add(name); n++) {
      name = wanted + "_" + n;
    }
    return name;
  }

  /**
   * Required only when the source declares the column NOT NULL. Today's rows are not a constraint: a nullable
   * column that happens to hold no null stays optional (its profile is evidence for a data-quality finding), and a
   * CSV file declares nothing, so only its key is required (identifiers are handled by the caller).
   */
  private boolean required(ColumnInfo c) {
    boolean csv = "csv".equals(table.catalog().sourceType());
    return !csv && Boolean.FALSE.equals(c.nullable());
  }

  private Optional<String> pattern(ColumnInfo c) {
    ColumnProfile p = c.profile();
    if (p == null || p.semanticEvidence() == null || c.normalizedType() != NormalizedType.STRING) {
      return Optional.empty();
    }
    Matcher m = ALL_MATCH.matcher(p.semanticEvidence());
    if (!m.find() || !m.group(1).equals(m.group(2))) {
      return Optional.empty();
    }
    return switch (String.valueOf(p.semanticType())) {
      case "email" -> Optional.of(EMAIL_PATTERN);
      case "uuid" -> Optional.of(UUID_PATTERN);
      default -> Optional.empty();
    };
  }

  private static boolean nonNegative(ColumnInfo c) {
    ColumnProfile p = c.profile();
    if (p == null || !NON_NEGATIVE.matcher(c.name()).matches()) {
      return false;
    }
    String min = p.min() == null ? "" : p.min().toString();
    return NUMBER.matcher(min).matches() && new BigDecimal(min).signum() >= 0;
  }

  private static String strip(String column) {
    for (String suffix : SUFFIXES) {
      if (column.endsWith(suffix) && column.length() > suffix.length()) {
        return column.substring(0, column.length() - suffix.length());
      }
    }
    return column;
  }

  static String range(NormalizedType type) {
    return switch (type) {
      case INTEGER -> "integer";
      case DECIMAL -> "decimal";
      case FLOAT -> "float";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case DATETIME -> "datetime";
      case TIME -> "time";
      default -> "string";
    };
  }
}
