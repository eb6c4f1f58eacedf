package org.openforge.ontology.infer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.UniqueConstraint;

/**
 * Chooses the identifier of an entity table: the single-column primary key; else a single-column unique constraint
 * on a column without nulls; else a candidate key the profiler found (present and distinct in every row); else the
 * column without nulls other tables' foreign keys refer to; else a key-like column ({@code id}, {@code <entity>_id})
 * without nulls and with at least 90% distinct values — the data's duplicates then show up in validation. A
 * composite primary key gives no single identifier: its columns become a {@code unique_keys} entry. An identifier is
 * required, so a column with nulls never is one.
 */
public final class Identifiers {

  private Identifiers() {}

  /** The chosen column and why. */
  public record Choice(String column, String reason) {}

  public static Optional<Choice> choose(SourceTable t, Set<String> referencedColumns) {
    List<String> pk = t.table().primaryKey();
    if (pk.size() == 1) {
      return Optional.of(new Choice(pk.get(0), "primary key"));
    }
    if (pk.size() > 1) {
      return Optional.empty();
    }
    List<UniqueConstraint> singles = t.table().uniqueConstraints().stream().filter(u -> u.columns().size() == 1)
        .toList();
    for (UniqueConstraint u : singles) {
      if (t.column(u.columns().get(0)).map(Identifiers::noNulls).orElse(false)) {
        return Optional.of(new Choice(u.columns().get(0), "unique constraint " + u.name()));
      }
    }
    for (List<String> candidate : t.table().candidateKeys()) {
      if (candidate.size() == 1) {
        return Optional.of(new Choice(candidate.get(0), "candidate key: every value present and distinct"));
      }
    }
    for (ColumnInfo c : t.table().columns()) {
      if (referencedColumns.contains(c.name()) && noNulls(c)) {
        return Optional.of(new Choice(c.name(), "referenced by other tables' foreign keys"));
      }
    }
    String own = Naming.singular(Naming.snake(t.name())) + "_id";
    for (ColumnInfo c : t.table().columns()) {
      String n = c.name().toLowerCase(Locale.ROOT);
      if ((n.equals("id") || n.equals(own)) && noNulls(c) && mostlyDistinct(t, c)) {
        return Optional.of(new Choice(c.name(), "key-like name with at least 90% distinct values"));
      }
    }
    return Optional.empty();
  }

  private static boolean noNulls(ColumnInfo c) {
    return Boolean.FALSE.equals(c.nullable()) || (c.profile() != null && c.profile().nullCount() == 0);
  }

  private static boolean mostlyDistinct(SourceTable t, ColumnInfo c) {
    Optional<Long> nonNull = t.nonNull(c);
    Long distinct = c.profile() == null ? null : c.profile().distinctCount();
    return nonNull.isPresent() && distinct != null && nonNull.get() > 0 && distinct * 10 >= nonNull.get() * 9;
  }
}
