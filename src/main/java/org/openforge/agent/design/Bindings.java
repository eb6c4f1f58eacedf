package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;
import org.openforge.ontology.infer.Naming;
import org.openforge.ontology.infer.Provenance;
import org.openforge.ontology.infer.SourceTable;
import org.openforge.ontology.linkml.ClassDefinition;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * Binds an ontology to the attached sources' current catalogs. A class's table is the one its provenance annotations
 * name ({@code source_id}, {@code source_table}); without them, the table named like the class (customer or
 * customers for {@code Customer}). A slot's values come from its {@code source_column}, else the column of its name;
 * a class-ranged slot from the foreign key to the range class's table (or a {@code <slot>_id} column); a
 * multivalued one from a junction table between the two tables; a slot with an {@code expression} annotation, or
 * one {@link Derivations} recognises, is computed. Abstract and mixin classes have no instances and are not bound.
 */
final class Bindings {

  private final SchemaView view;
  private final List<SourceCatalog> catalogs;
  private final Map<String, SourceTable> tables = new LinkedHashMap<>();
  private final Map<String, String> how = new LinkedHashMap<>();
  private final Map<String, String> unbound = new LinkedHashMap<>();

  private Bindings(SchemaView view, List<SourceCatalog> catalogs) {
    this.view = view;
    this.catalogs = catalogs;
  }

  static List<ClassSource> bind(SchemaView view, List<SourceCatalog> catalogs) {
    return new Bindings(view, catalogs).run();
  }

  private List<ClassSource> run() {
    List<ClassDefinition> classes = view.schema().classes().values().stream()
        .filter(c -> !c.abstractClass() && !c.mixinClass()).toList();
    classes.forEach(this::locate);
    List<ClassSource> result = new ArrayList<>();
    for (ClassDefinition c : classes) {
      SourceTable table = tables.get(c.name());
      if (table == null) {
        result.add(new ClassSource(c.name(), null, null, unbound.get(c.name()), List.of(), Map.of()));
        continue;
      }
      List<SlotSource> slots = new ArrayList<>();
      for (SlotDefinition slot : view.inducedSlots(c.name())) {
        slots.add(slot(table, slot));
      }
      result.add(new ClassSource(c.name(), table, how.get(c.name()), null, List.copyOf(slots),
          Provenance.uniqueKeys(c)));
    }
    return result;
  }

  private void locate(ClassDefinition c) {
    Optional<String> sourceId = Provenance.of(c, Provenance.SOURCE_ID);
    Optional<String> tableName = Provenance.of(c, Provenance.SOURCE_TABLE);
    if (sourceId.isPresent() && tableName.isPresent()) {
      Optional<SourceCatalog> catalog = catalog(sourceId.get());
      if (catalog.isEmpty()) {
        unbound.put(c.name(), "its source " + sourceId.get() + " is not attached to the engagement (or cannot be"
            + " read)");
        return;
      }
      Optional<SourceTable> table = find(catalog.get(), tableName.get());
      if (table.isEmpty()) {
        unbound.put(c.name(), "table " + tableName.get() + " is no longer in source " + sourceId.get());
        return;
      }
      tables.put(c.name(), table.get());
      how.put(c.name(), "provenance annotations");
      return;
    }
    String singular = Naming.singular(Naming.snake(c.name()));
    for (SourceCatalog catalog : catalogs) {
      for (TableInfo t : catalog.tables()) {
        if (Naming.singular(Naming.snake(t.name())).equals(singular)) {
          tables.put(c.name(), new SourceTable(catalog, t));
          how.put(c.name(), "table name");
          return;
        }
      }
    }
    unbound.put(c.name(), "no table named " + singular + " or " + Naming.plural(singular) + " in the attached sources");
  }

  private SlotSource slot(SourceTable table, SlotDefinition slot) {
    Optional<String> expression = Provenance.of(slot, Provenance.EXPRESSION);
    if (expression.isPresent()) {
      SourceTable via = annotatedTable(slot).orElse(table);
      List<String> columns = Provenance.of(slot, Provenance.SOURCE_COLUMN).map(Provenance::list).orElse(List.of());
      return SlotSource.computed(slot, Provenance.of(slot, Provenance.DERIVATION).orElse("derived"),
          expression.get(), via, columns, "computed as the schema's expression annotation says");
    }
    if (view.isClass(slot.range()) && slot.isMultivalued()) {
      return junction(table, slot);
    }
    if (view.isClass(slot.range())) {
      return reference(table, slot);
    }
    Optional<String> annotated = Provenance.of(slot, Provenance.SOURCE_COLUMN);
    if (annotated.isPresent()) {
      return table.column(annotated.get()).isPresent() ? SlotSource.column(slot, annotated.get())
          : SlotSource.unbound(slot, "column " + annotated.get() + " is no longer in " + table.qualifiedName());
    }
    Optional<String> named = columnNamed(table, slot.name());
    if (named.isPresent()) {
      return SlotSource.column(slot, named.get());
    }
    return Derivations.guess(slot, table).orElse(SlotSource.unbound(slot, "no column " + Naming.snake(slot.name())
        + " in " + table.qualifiedName() + " and no known way to compute it"));
  }

  private SlotSource reference(SourceTable table, SlotDefinition slot) {
    SourceTable target = tables.get(slot.range());
    List<String> columns = Provenance.of(slot, Provenance.SOURCE_COLUMN).map(Provenance::list).orElse(List.of());
    Optional<ForeignKey> fk = columns.isEmpty() ? foreignKeyTo(table, target, slot.name())
        : table.table().foreignKeys().stream().filter(f -> f.columns().equals(columns)).findFirst();
    List<String> cols = !columns.isEmpty() ? columns : fk.map(ForeignKey::columns)
        .orElse(referenceColumn(table, slot.name()).map(List::of).orElse(List.of()));
    if (cols.isEmpty()) {
      return SlotSource.unbound(slot, "no column of " + table.qualifiedName() + " refers to " + slot.range());
    }
    Optional<String> missing = cols.stream().filter(c -> table.column(c).isEmpty()).findFirst();
    if (missing.isPresent()) {
      return SlotSource.unbound(slot, "column " + missing.get() + " is no longer in " + table.qualifiedName());
    }
    List<String> targetColumns = Provenance.of(slot, Provenance.TARGET_COLUMN).map(Provenance::list)
        .or(() -> fk.map(ForeignKey::referencedColumns)).orElse(identifierColumn(slot.range()).map(List::of)
            .orElse(List.of()));
    return SlotSource.reference(slot, cols, target, targetColumns);
  }

  private SlotSource junction(SourceTable table, SlotDefinition slot) {
    SourceTable target = tables.get(slot.range());
    Optional<SourceTable> annotated = annotatedTable(slot).filter(t -> !t.sameAs(table));
    Optional<String> ownerAnnotation = Provenance.of(slot, Provenance.OWNER_COLUMN);
    if (annotated.isPresent() && ownerAnnotation.isPresent()) {
      SourceTable via = annotated.get();
      List<String> owner = Provenance.list(ownerAnnotation.get());
      List<String> columns = Provenance.of(slot, Provenance.SOURCE_COLUMN).map(Provenance::list).orElse(List.of());
      List<String> targetColumns = Provenance.of(slot, Provenance.TARGET_COLUMN).map(Provenance::list)
          .orElse(identifierColumn(slot.range()).map(List::of).orElse(List.of()));
      Optional<String> missing = java.util.stream.Stream.concat(owner.stream(), columns.stream())
          .filter(c -> via.column(c).isEmpty()).findFirst();
      if (missing.isPresent() || columns.isEmpty()) {
        return SlotSource.unbound(slot, "column " + missing.orElse("(none)") + " is no longer in junction table "
            + via.qualifiedName());
      }
      return SlotSource.junction(slot, via, owner, columns, target, targetColumns);
    }
    if (target == null) {
      return SlotSource.unbound(slot, "the range class " + slot.range() + " has no source table");
    }
    for (TableInfo t : table.catalog().tables()) {
      SourceTable candidate = new SourceTable(table.catalog(), t);
      Optional<ForeignKey> toOwner = foreignKeyTo(candidate, table, null);
      Optional<ForeignKey> toTarget = candidate.table().foreignKeys().stream()
          .filter(fk -> toOwner.map(o -> !o.equals(fk)).orElse(true))
          .filter(fk -> candidate.target(fk).map(x -> x.sameAs(target)).orElse(false)).findFirst();
      if (toOwner.isPresent() && toTarget.isPresent() && !candidate.sameAs(table) && !candidate.sameAs(target)) {
        return SlotSource.junction(slot, candidate, toOwner.get().columns(), toTarget.get().columns(), target,
            toTarget.get().referencedColumns());
      }
    }
    return SlotSource.unbound(slot, "no junction table links " + table.qualifiedName() + " and "
        + target.qualifiedName());
  }

  /** A foreign key of {@code table} to {@code target}, preferring one whose column is named after the slot. */
  private static Optional<ForeignKey> foreignKeyTo(SourceTable table, SourceTable target, String slotName) {
    if (target == null) {
      return Optional.empty();
    }
    List<ForeignKey> fks = table.table().foreignKeys().stream()
        .filter(fk -> table.target(fk).map(t -> t.sameAs(target)).orElse(false)).toList();
    if (slotName != null) {
      String s = Naming.snake(slotName);
      for (ForeignKey fk : fks) {
        String c = Naming.snake(fk.columns().get(0));
        if (c.equals(s) || c.startsWith(s + "_")) {
          return Optional.of(fk);
        }
      }
    }
    return fks.stream().findFirst();
  }

  private static Optional<String> referenceColumn(SourceTable table, String slotName) {
    String s = Naming.snake(slotName);
    for (String candidate : List.of(s + "_id", s + "_code", s + "_key", s)) {
      Optional<String> found = columnNamed(table, candidate);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> columnNamed(SourceTable table, String slotName) {
    String s = Naming.snake(slotName);
    return table.table().columns().stream().map(c -> c.name()).filter(n -> Naming.snake(n).equals(s)).findFirst();
  }

  /** The column holding the identifier of a class's instances, in its table. */
  private Optional<String> identifierColumn(String className) {
    SourceTable target = tables.get(className);
    Optional<SlotDefinition> id = view.identifierSlot(className);
    if (target == null || id.isEmpty()) {
      return Optional.empty();
    }
    return Provenance.of(id.get(), Provenance.SOURCE_COLUMN).filter(c -> target.column(c).isPresent())
        .or(() -> columnNamed(target, id.get().name()));
  }

  private Optional<SourceTable> annotatedTable(SlotDefinition slot) {
    Optional<String> sourceId = Provenance.of(slot, Provenance.SOURCE_ID);
    Optional<String> name = Provenance.of(slot, Provenance.SOURCE_TABLE);
    if (sourceId.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return catalog(sourceId.get()).flatMap(c -> find(c, name.get()));
  }

  private Optional<SourceCatalog> catalog(String sourceId) {
    return catalogs.stream().filter(c -> c.sourceId().equals(sourceId)).findFirst();
  }

  private static Optional<SourceTable> find(SourceCatalog catalog, String name) {
    return catalog.tables().stream().filter(t -> t.qualifiedName().equals(name)).findFirst()
        .or(() -> catalog.tables().stream().filter(t -> t.name().equals(name)).findFirst())
        .map(t -> new SourceTable(catalog, t));
  }
}
