package org.openforge.ontology.infer;

import java.util.Optional;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;

/** A table (or CSV file) of one source's catalog. */
public record SourceTable(SourceCatalog catalog, TableInfo table) {

  public String sourceId() {
    return catalog.sourceId();
  }

  /** {@code schema.table}, or the table name alone (CSV files). */
  public String qualifiedName() {
    return table.qualifiedName();
  }

  public String name() {
    return table.name();
  }

  /** The table a foreign key of this table references, when it is in the same catalog. */
  public Optional<SourceTable> target(ForeignKey fk) {
    return catalog.tables().stream()
        .filter(t -> t.name().equals(fk.referencedTable())
            && (fk.referencedSchema() == null || fk.referencedSchema().equals(t.schema())))
        .findFirst().map(t -> new SourceTable(catalog, t));
  }

  public Optional<ColumnInfo> column(String name) {
    return table.column(name);
  }

  /** Rows without a null in the column, when the table is profiled. */
  public Optional<Long> nonNull(ColumnInfo column) {
    if (column.profile() == null || table.rowCount() == null) {
      return Optional.empty();
    }
    return Optional.of(table.rowCount() - column.profile().nullCount());
  }

  public boolean sameAs(SourceTable other) {
    return sourceId().equals(other.sourceId()) && qualifiedName().equals(other.qualifiedName());
  }
}
