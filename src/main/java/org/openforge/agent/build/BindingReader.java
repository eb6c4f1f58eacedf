package org.openforge.agent.build;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openforge.agent.design.SlotMapping;
import org.openforge.agent.design.TransformationMapping;
import org.openforge.datasource.SqlDialect;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.TableInfo;
import org.openforge.ontology.linkml.ClassDefinition;
import org.openforge.ontology.linkml.RangeKind;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * Binds an ontology's classes and slots to attached sources. The transformation mapping wins where it speaks; a
 * class it does not list is bound by the ontology's annotations ({@code source_id}, {@code source_table} on the
 * class, {@code source_column} on slots); what neither says is matched by name (table {@code customer} or
 * {@code customers} for class {@code Customer}, column {@code customer_id} for a reference slot {@code customer})
 * and a single attached source is assumed. What stays unbound is listed with the reason.
 */
public final class BindingReader {

  private final SchemaView view;
  private final TransformationMapping mapping;
  private final List<SourceInfo> sources;
  private final Function<String, List<TableInfo>> tablesOf;
  private final List<String> warnings = new ArrayList<>();
  private final List<Binding.Unmapped> unmapped = new ArrayList<>();

  /**
   * @param mapping the transformation mapping document, or null to bind by annotations
   * @param tablesOf the tables of an attached source (its catalog)
   */
  public BindingReader(SchemaView view, TransformationMapping mapping, List<SourceInfo> sources,
      Function<String, List<TableInfo>> tablesOf) {
    this.view = view;
    this.mapping = mapping;
    this.sources = sources;
    this.tablesOf = tablesOf;
  }

  public Binding read(Binding.ArtifactRef ontology, Binding.ArtifactRef mappingRef) {
    Map<String, TransformationMapping.ClassMapping> mapped = mappedClasses();
    List<ClassBinding> classes = new ArrayList<>();
    for (ClassDefinition c : view.classes().values()) {
      if (c.abstractClass() || c.mixinClass()) {
        continue;
      }
      if (!mapped.containsKey(c.name()) && mapping != null && unmappedClass(c.name())) {
        continue;
      }
      bind(c, mapped.get(c.name())).ifPresent(classes::add);
    }
    for (TransformationMapping.Unmapped u : list(mapping == null ? null : mapping.unmapped())) {
      if (u != null && u.className() != null) {
        String cls = u.className();
        String slot = u.slot();
        boolean already = unmapped.stream().anyMatch(x -> x.className().equals(cls)
            && java.util.Objects.equals(x.slot(), slot));
        if (!already) {
          unmapped.add(new Binding.Unmapped(cls, slot, u.reason() == null ? "listed as unmapped by the "
              + "transformation mapping" : u.reason()));
        }
      }
    }
    return new Binding(view.schema().name(), view.schema().id(), view, classes, unmapped,
        mapping == null ? "ontology_annotations" : "transformation_mapping", ontology, mappingRef, warnings);
  }

  private boolean unmappedClass(String cls) {
    return list(mapping.unmapped()).stream().anyMatch(u -> u != null && cls.equals(u.className())
        && u.slot() == null);
  }

  private Map<String, TransformationMapping.ClassMapping> mappedClasses() {
    Map<String, TransformationMapping.ClassMapping> out = new LinkedHashMap<>();
    for (TransformationMapping.ClassMapping entry : list(mapping == null ? null : mapping.mappings())) {
      if (entry != null && entry.className() != null) {
        String cls = entry.className();
        if (!view.isClass(cls)) {
          warnings.add("the transformation mapping names class " + cls + ", which the ontology does not define;"
              + " ignored");
          continue;
        }
        out.putIfAbsent(cls, entry);
      }
    }
    return out;
  }

  private Optional<ClassBinding> bind(ClassDefinition c, TransformationMapping.ClassMapping entry) {
    String origin = entry != null ? "mapping" : "annotation";
    String sourceRef = entry != null ? text(entry.sourceId())
        : Annotations.get(c.extensions(), "source_id").orElse(null);
    String table = entry != null ? text(entry.sourceTable())
        : Annotations.get(c.extensions(), "source_table").orElse(null);
    if (entry != null && sourceRef == null) {
      sourceRef = Annotations.get(c.extensions(), "source_id").orElse(null);
    }
    if (entry != null && table == null) {
      table = Annotations.get(c.extensions(), "source_table").orElse(null);
    }
    SourceInfo source = null;
    if (sourceRef != null) {
      String ref = sourceRef;
      source = sources.stream().filter(s -> s.id().equals(ref)).findFirst()
          .or(() -> sources.stream().filter(s -> s.name().equalsIgnoreCase(ref)).findFirst()).orElse(null);
      if (source == null) {
        unmapped.add(new Binding.Unmapped(c.name(), null, "its source " + sourceRef + " is not attached to the "
            + "engagement"));
        return Optional.empty();
      }
    } else if (sources.size() == 1 && (table != null || entry == null)) {
      source = sources.get(0);
      if (table != null) {
        warnings.add(c.name() + " names no source_id; assumed the only attached source " + source.name());
      }
    }
    if (source == null) {
      unmapped.add(new Binding.Unmapped(c.name(), null, sources.isEmpty() ? "no data source is attached"
          : "no source_id annotation or mapping, and several sources are attached"));
      return Optional.empty();
    }
    List<TableInfo> tables = tablesOf.apply(source.id());
    TableInfo tableInfo = table == null ? null : find(tables, table);
    if (table == null) {
      tableInfo = byClassName(tables, c.name());
      if (tableInfo == null) {
        unmapped.add(new Binding.Unmapped(c.name(), null, "no source_table annotation or mapping and no table of "
            + source.name() + " is named like the class"));
        return Optional.empty();
      }
      table = tableInfo.qualifiedName();
      origin = "name_match";
    }
    Map<String, SlotMapping> slotEntries = new LinkedHashMap<>();
    for (SlotMapping s : list(entry == null ? null : entry.slots())) {
      if (s != null && s.slot() != null) {
        slotEntries.putIfAbsent(s.slot(), s);
      }
    }
    List<SlotBinding> slots = new ArrayList<>();
    for (SlotDefinition slot : view.inducedSlots(c.name())) {
      slots.add(slot(c.name(), slot, slotEntries.get(slot.name()), entry != null, tableInfo));
    }
    slotEntries.keySet().stream().filter(s -> view.inducedSlot(c.name(), s).isEmpty()).forEach(s ->
        warnings.add("the transformation mapping maps " + c.name() + "." + s + ", which the class does not have;"
            + " ignored"));
    String identifier = view.identifierSlot(c.name()).map(SlotDefinition::name).orElse(null);
    if (source.jdbc() && tableInfo != null) {
      for (int i = 0; i < slots.size(); i++) {
        SlotBinding s = slots.get(i);
        if (s.via() != null && s.expression() != null) {
          slots.set(i, related(s, tableInfo, tables, identifier == null ? null
              : slots.stream().filter(x -> x.slot().equals(identifier)).findFirst().map(SlotBinding::column)
                  .orElse(null), source.dialect()));
        }
      }
    }
    return Optional.of(new ClassBinding(c.name(), source.id(), table, identifier, slots, uniqueKeys(c), origin));
  }

  private SlotBinding slot(String cls, SlotDefinition slot, SlotMapping entry, boolean classMapped,
      TableInfo table) {
    String kind = "direct";
    String column = null;
    String expression = null;
    String via = null;
    String sourceType = null;
    String origin = null;
    String notExtracted = null;
    if (entry != null) {
      kind = text(entry.kind()) == null ? "direct" : text(entry.kind()).toLowerCase(Locale.ROOT);
      String sourceColumn = text(entry.sourceColumn());
      expression = text(entry.expression());
      sourceType = text(entry.sourceType());
      origin = "mapping";
      switch (kind) {
        case "aggregation", "derived" -> {
          if (sourceColumn != null && sourceColumn.contains(".")) {
            via = sourceColumn.substring(0, sourceColumn.lastIndexOf('.'));
          }
          if (expression == null && sourceColumn != null && via == null && !sourceColumn.contains(",")) {
            column = sourceColumn;
          }
        }
        case "lookup" -> {
          if (slot.isMultivalued() || (sourceColumn != null && sourceColumn.contains("."))) {
            notExtracted = "a many-to-many relationship through a junction table";
            expression = null;
          } else if (sourceColumn != null && !sourceColumn.contains(",")) {
            column = sourceColumn;
            expression = null;
          }
        }
        default -> {
          column = sourceColumn != null ? sourceColumn
              : expression != null && table != null && table.column(expression).isPresent() ? expression : null;
          if (column != null) {
            expression = null;
          }
        }
      }
    }
    boolean listedUnmapped = unmapped.stream().anyMatch(u -> u.className().equals(cls)
        && slot.name().equals(u.slot()));
    if (column == null && expression == null && notExtracted == null && !listedUnmapped) {
      Optional<String> derivation = Annotations.get(slot.extensions(), "derivation");
      Optional<String> annotatedExpression = Annotations.get(slot.extensions(), "expression");
      Optional<String> annotatedTable = Annotations.get(slot.extensions(), "source_table");
      Optional<String> annotated = Annotations.get(slot.extensions(), "source_column");
      boolean otherTable = annotatedTable.isPresent() && table != null && find(List.of(table),
          annotatedTable.get()) == null;
      if (derivation.isPresent() && annotatedExpression.isPresent()) {
        kind = derivation.get();
        expression = annotatedExpression.get();
        via = otherTable ? annotatedTable.get() : null;
        origin = "annotation";
      } else if (otherTable || slot.isMultivalued() && view.rangeKind(slot.range()) == RangeKind.CLASS) {
        notExtracted = "values from " + annotatedTable.orElse("a junction table") + ", a many-to-many relationship";
      } else if (annotated.isPresent() && annotated.get().contains(",")) {
        notExtracted = "a reference over several columns (" + annotated.get() + ")";
      } else if (annotated.isPresent()) {
        column = annotated.get();
        origin = "annotation";
      } else if (table != null && !classMapped) {
        column = byName(table, slot);
        origin = column == null ? null : "name_match";
      }
      if (column != null && view.rangeKind(slot.range()) == RangeKind.CLASS) {
        kind = "lookup";
      }
    }
    if (notExtracted != null) {
      warnings.add(cls + "." + slot.name() + " is not extracted: " + notExtracted);
      if (!listedUnmapped) {
        unmapped.add(new Binding.Unmapped(cls, slot.name(), "not extracted: " + notExtracted));
      }
    }
    if (column != null && table != null && table.column(column).isEmpty()) {
      warnings.add(cls + "." + slot.name() + " is bound to column " + column + ", which " + table.qualifiedName()
          + " does not have");
    }
    if (sourceType == null && column != null && table != null) {
      sourceType = table.column(column).map(ColumnInfo::normalizedType).map(t -> t.value()).orElse(null);
    }
    RangeKind rangeKind = view.rangeKind(slot.range());
    String referenced = rangeKind == RangeKind.CLASS && !view.isInlined(slot) ? slot.range() : null;
    List<String> enumValues = rangeKind == RangeKind.ENUM
        ? List.copyOf(view.enumDefinition(slot.range()).orElseThrow().permissibleValues().keySet()) : List.of();
    String pattern = slot.pattern() != null ? slot.pattern()
        : rangeKind == RangeKind.TYPE ? view.typePattern(slot.range()).orElse(null) : null;
    BigDecimal min = slot.minimumValue() != null ? slot.minimumValue()
        : rangeKind == RangeKind.TYPE ? view.typeMinimum(slot.range()).orElse(null) : null;
    BigDecimal max = slot.maximumValue() != null ? slot.maximumValue()
        : rangeKind == RangeKind.TYPE ? view.typeMaximum(slot.range()).orElse(null) : null;
    return new SlotBinding(slot.name(), kind, column, expression, sourceType, slot.range(),
        baseType(slot.range(), 0), slot.isRequired(), slot.isIdentifier() || slot.isKey(), slot.isMultivalued(),
        pattern, min, max, enumValues, referenced, via, origin);
  }

  /**
   * An aggregation over a related table (a window over the related rows partitioned by the column that refers to
   * this class, as the design agents write it) as a correlated subquery that runs on this class's table:
   * {@code (select sum(v."amount") from "sales"."sales" v where v."customer_id" = "customers"."customer_id")}. The
   * related column's foreign key names the column it refers to, else the class's identifier. An expression of
   * another form is left as written.
   */
  private SlotBinding related(SlotBinding s, TableInfo table, List<TableInfo> tables, String identifierColumn,
      SqlDialect d) {
    TableInfo via = find(tables, s.via());
    Optional<Aggregate> aggregate = Aggregate.parse(s.expression());
    if (via == null || aggregate.isEmpty() || aggregate.get().partitionBy().size() != 1) {
      warnings.add(s.slot() + ": the aggregation " + s.expression() + " over " + s.via() + " is used as written");
      return s;
    }
    String partition = aggregate.get().partitionBy().get(0);
    String key = via.foreignKeys().stream().filter(fk -> fk.columns().equals(List.of(partition))
            && fk.referencedTable().equals(table.name()) && fk.referencedColumns().size() == 1)
        .map(fk -> fk.referencedColumns().get(0)).findFirst().orElse(identifierColumn);
    if (key == null) {
      warnings.add(s.slot() + ": no column of " + table.name() + " to match " + s.via() + "." + partition);
      return s;
    }
    return s.withSql("(select " + aggregate.get().sql(d::quote) + " from " + d.qualified(via.schema(), via.name())
        + " v where v." + d.quote(partition) + " = " + d.quote(table.name()) + "." + d.quote(key) + ")");
  }

  /** The built-in type of a range; a class range takes its identifier's type, an enum is text. */
  String baseType(String range, int depth) {
    return switch (view.rangeKind(range)) {
      case TYPE -> view.typeRoot(range);
      case ENUM, UNKNOWN -> "string";
      case CLASS -> depth > 5 ? "string" : view.identifierSlot(range).map(id -> baseType(id.range(), depth + 1))
          .orElse("string");
    };
  }

  private List<ClassBinding.UniqueKey> uniqueKeys(ClassDefinition c) {
    List<ClassBinding.UniqueKey> keys = new ArrayList<>();
    if (c.extensions().get("unique_keys") instanceof Map<?, ?> map) {
      map.forEach((name, def) -> {
        if (def instanceof Map<?, ?> d && d.get("unique_key_slots") instanceof List<?> slots && !slots.isEmpty()) {
          keys.add(new ClassBinding.UniqueKey(String.valueOf(name), slots.stream().map(String::valueOf).toList()));
        }
      });
    }
    return keys;
  }

  private static TableInfo find(List<TableInfo> tables, String name) {
    String wanted = name.replaceFirst("(?i)\\.(csv|tsv)$", "");
    return tables.stream().filter(t -> t.qualifiedName().equals(wanted) || t.name().equals(wanted)).findFirst()
        .orElse(tables.stream().filter(t -> t.name().equalsIgnoreCase(wanted)
            || t.qualifiedName().equalsIgnoreCase(wanted)).findFirst().orElse(null));
  }

  private static TableInfo byClassName(List<TableInfo> tables, String className) {
    String snake = Names.snake(className);
    for (String candidate : List.of(snake, Names.plural(snake))) {
      TableInfo t = find(tables, candidate);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private String byName(TableInfo table, SlotDefinition slot) {
    String snake = Names.snake(slot.name());
    List<String> candidates = new ArrayList<>(List.of(slot.name(), snake));
    if (view.rangeKind(slot.range()) == RangeKind.CLASS) {
      candidates.add(snake + "_id");
      view.identifierSlot(slot.range()).ifPresent(id -> candidates.add(Names.snake(id.name())));
    }
    for (String c : candidates) {
      if (table.column(c).isPresent()) {
        return c;
      }
    }
    return table.columns().stream().filter(col -> candidates.stream().anyMatch(c -> c.equalsIgnoreCase(col.name())))
        .map(ColumnInfo::name).findFirst().orElse(null);
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }
}
