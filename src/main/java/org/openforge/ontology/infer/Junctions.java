package org.openforge.ontology.infer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ForeignKey;

/**
 * Finds junction tables: exactly two foreign keys to tables of the same catalog, every other column a surrogate
 * primary key named {@code id} or bookkeeping (created_at, last_update, ...), and no foreign key of another table
 * referring to it. Such a table is a many-to-many relationship, not an entity: it becomes a multivalued slot on the
 * class its first foreign key (by column position) refers to, ranging over the class the second one refers to.
 */
public final class Junctions {

  private static final Set<String> BOOKKEEPING = Set.of("created_at", "updated_at", "created_on", "updated_on",
      "created_by", "updated_by", "created", "modified", "modified_at", "modified_by", "inserted_at", "last_update",
      "last_updated", "last_modified", "valid_from", "valid_to", "deleted_at");

  private Junctions() {}

  /** A junction table: its two foreign keys, owner side first. */
  public record Junction(SourceTable table, ForeignKey owner, SourceTable ownerTable, ForeignKey target,
      SourceTable targetTable) {}

  /** The junction tables among {@code tables}. */
  public static List<Junction> find(List<SourceTable> tables) {
    Set<String> referenced = new HashSet<>();
    for (SourceTable t : tables) {
      for (ForeignKey fk : t.table().foreignKeys()) {
        t.target(fk).filter(target -> !target.sameAs(t)).ifPresent(target -> referenced.add(key(target)));
      }
    }
    List<Junction> found = new ArrayList<>();
    for (SourceTable t : tables) {
      junction(t, referenced).ifPresent(found::add);
    }
    return found;
  }

  private static java.util.Optional<Junction> junction(SourceTable t, Set<String> referenced) {
    List<ForeignKey> fks = new ArrayList<>(t.table().foreignKeys());
    if (fks.size() != 2 || referenced.contains(key(t))) {
      return java.util.Optional.empty();
    }
    fks.sort(Comparator.comparingInt(fk -> position(t, fk)));
    var owner = t.target(fks.get(0));
    var target = t.target(fks.get(1));
    if (owner.isEmpty() || target.isEmpty() || owner.get().sameAs(t) || target.get().sameAs(t)) {
      return java.util.Optional.empty();
    }
    Set<String> fkColumns = new HashSet<>();
    fks.forEach(fk -> fkColumns.addAll(fk.columns()));
    for (ColumnInfo c : t.table().columns()) {
      boolean bookkeeping = BOOKKEEPING.contains(c.name().toLowerCase(Locale.ROOT));
      if (!fkColumns.contains(c.name()) && !surrogate(t, c) && !bookkeeping) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(new Junction(t, fks.get(0), owner.get(), fks.get(1), target.get()));
  }

  /** A primary key named {@code id}: a row number, not an identity (a key named after the table is one). */
  private static boolean surrogate(SourceTable t, ColumnInfo c) {
    return t.table().primaryKey().equals(List.of(c.name())) && c.name().toLowerCase(Locale.ROOT).equals("id");
  }

  static int position(SourceTable t, ForeignKey fk) {
    return fk.columns().stream().map(n -> t.column(n).map(ColumnInfo::position).orElse(Integer.MAX_VALUE))
        .min(Integer::compare).orElse(Integer.MAX_VALUE);
  }

  static String key(SourceTable t) {
    return t.sourceId() + "\u0000" + t.qualifiedName();
  }
}
