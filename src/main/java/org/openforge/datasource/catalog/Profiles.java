package org.openforge.datasource.catalog;

import java.util.ArrayList;
import java.util.List;

/** Turns measured column facts into profiles, semantic types, likely keys and the table's quality assessment. */
final class Profiles {

  private Profiles() {}

  static TableInfo finish(TableInfo table, long rows, List<ColumnFacts> facts, QualityBuilder quality,
      int maxExamples) {
    List<ColumnInfo> columns = new ArrayList<>();
    List<List<String>> candidateKeys = new ArrayList<>();
    for (ColumnFacts f : facts) {
      ColumnInfo c = f.column();
      SemanticTypes.Semantic semantic = SemanticTypes.infer(f);
      boolean inForeignKey = table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(c.name()));
      boolean required = KeyHeuristics.requiredLooking(table.name(), c.name()) || inForeignKey
          || (rows >= 20 && f.nulls() * 20 < rows);
      quality.column(f, required);
      if (!f.declaredKey() && !inForeignKey && !c.unsupported() && f.distinct() != null && !f.approximate()
          && KeyHeuristics.keyLike(table.name(), c.name()) && f.nonNull() > 0 && f.distinct() * 10 >= f.nonNull() * 9) {
        long duplicates = f.nonNull() - f.distinct();
        if (duplicates > 0) {
          List<String> examples = f.top() == null ? List.of() : f.top().stream().filter(t -> t.count() > 1)
              .limit(maxExamples).map(t -> t.value() + " (" + t.count() + " rows)").toList();
          quality.duplicateKey(c.name(), duplicates, false, examples);
        } else if (f.nulls() == 0 && rows > 1) {
          candidateKeys.add(List.of(c.name()));
        }
      }
      double nullRate = rows == 0 ? 0 : QualityBuilder.round((double) f.nulls() / rows);
      columns.add(c.withProfile(new ColumnProfile(f.nulls(), nullRate, f.distinct(), f.approximate(), f.min(),
          f.max(), f.avgLength() == null ? null : QualityBuilder.round(f.avgLength()), f.top(), semantic.type(),
          semantic.evidence(), f.estimates())));
    }
    return new TableInfo(table.schema(), table.name(), table.kind(), rows, true, List.copyOf(columns),
        table.primaryKey(), table.foreignKeys(), table.uniqueConstraints(), List.copyOf(candidateKeys),
        quality.build());
  }

  /** Whether a column alone is the primary key or a unique constraint. */
  static boolean declaredKey(TableInfo table, String column) {
    return table.primaryKey().equals(List.of(column))
        || table.uniqueConstraints().stream().anyMatch(u -> u.columns().equals(List.of(column)));
  }

  /** The target of the foreign key this column is part of, as schema.table(columns), or null. */
  static String references(TableInfo table, String column) {
    return table.foreignKeys().stream().filter(fk -> fk.columns().contains(column)).findFirst()
        .map(fk -> (fk.referencedSchema() == null ? "" : fk.referencedSchema() + ".") + fk.referencedTable()
            + "(" + String.join(", ", fk.referencedColumns()) + ")")
        .orElse(null);
  }
}
