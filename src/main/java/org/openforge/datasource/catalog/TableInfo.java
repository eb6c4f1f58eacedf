package org.openforge.datasource.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;

/**
 * A table, view or CSV file. {@code kind}: table, view, materialized_view, foreign_table, partitioned_table or
 * file. {@code row_count_exact} is false when the count is the database's estimate (very large tables).
 * {@code candidate_keys} are undeclared columns whose values are all present and distinct (likely keys).
 * {@code quality} is null in structure-only catalogs.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TableInfo(String schema, String name, String kind, Long rowCount, boolean rowCountExact,
    List<ColumnInfo> columns, List<String> primaryKey, List<ForeignKey> foreignKeys,
    List<UniqueConstraint> uniqueConstraints, List<List<String>> candidateKeys, TableQuality quality) {

  /** schema.name, or the name alone when there is no schema. */
  public String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }

  public Optional<ColumnInfo> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}
