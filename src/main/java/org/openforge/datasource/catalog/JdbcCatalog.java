package org.openforge.datasource.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.JdbcConfig;

/** Reads the structure of a JDBC source: tables and views, columns, keys and row counts (no profiling). */
final class JdbcCatalog {

  private JdbcCatalog() {}

  /** The structure of the source's schemas in scope, filtered by {@code options.tables()}. */
  static List<TableInfo> read(DataSourceRecord source, Connection connection, CatalogQueries catalog,
      ProfileOptions options, List<String> warnings) throws SQLException {
    JdbcConfig config = source.jdbc();
    List<String> schemas = catalog.schemas(connection, config);
    if (schemas.isEmpty()) {
      warnings.add("no schema is visible to this user");
      return List.of();
    }
    Map<String, List<CatalogQueries.RawColumn>> columns = new LinkedHashMap<>();
    for (CatalogQueries.RawColumn c : catalog.columns(connection, schemas)) {
      columns.computeIfAbsent(key(c.schema(), c.table()), k -> new ArrayList<>()).add(c);
    }
    Map<String, List<CatalogQueries.RawConstraint>> constraints = new LinkedHashMap<>();
    for (CatalogQueries.RawConstraint c : catalog.constraints(connection, schemas)) {
      constraints.computeIfAbsent(key(c.schema(), c.table()), k -> new ArrayList<>()).add(c);
    }
    List<CatalogQueries.RawTable> selected = catalog.tables(connection, schemas).stream()
        .filter(t -> options.includes(t.schema(), t.name())).toList();
    Map<CatalogQueries.RawTable, Long> counted = RowCounts.count(source, connection, selected, options, warnings);
    List<TableInfo> tables = new ArrayList<>();
    for (CatalogQueries.RawTable t : selected) {
      List<ColumnInfo> cols = new ArrayList<>();
      int position = 1;
      for (CatalogQueries.RawColumn c : columns.getOrDefault(key(t.schema(), t.name()), List.of())) {
        cols.add(new ColumnInfo(c.name(), position++, c.nativeType(), c.type(), c.nullable(), c.maxLength(),
            c.precision(), c.scale(), c.unsupported(), null));
      }
      List<String> primaryKey = List.of();
      List<ForeignKey> foreignKeys = new ArrayList<>();
      List<UniqueConstraint> uniques = new ArrayList<>();
      for (CatalogQueries.RawConstraint c : constraints.getOrDefault(key(t.schema(), t.name()), List.of())) {
        switch (c.type()) {
          case 'p' -> primaryKey = List.copyOf(c.columns());
          case 'u' -> uniques.add(new UniqueConstraint(c.name(), List.copyOf(c.columns())));
          default -> foreignKeys.add(new ForeignKey(c.name(), List.copyOf(c.columns()), c.refSchema(), c.refTable(),
              List.copyOf(c.refColumns()), false));
        }
      }
      Long exactRows = counted.get(t);
      tables.add(new TableInfo(t.schema(), t.name(), t.kind(), exactRows != null ? exactRows : t.estimatedRows(),
          exactRows != null, List.copyOf(cols), primaryKey, List.copyOf(foreignKeys), List.copyOf(uniques),
          List.of(), null));
    }
    tables.sort(java.util.Comparator.comparing(TableInfo::schema).thenComparing(TableInfo::name));
    return tables;
  }

  private static String key(String schema, String table) {
    return schema + "\u0000" + table;
  }
}
