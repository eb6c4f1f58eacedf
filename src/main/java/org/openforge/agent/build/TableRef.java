package org.openforge.agent.build;

import java.util.Optional;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.TableInfo;

/** A table or CSV file of an attached source, resolved in its catalog. */
public record TableRef(SourceInfo source, TableInfo info) {

  /** The table in SQL ({@code "sales"."customers"}); CSV files have none. */
  public String sql() {
    return source.dialect() == null ? null : source.dialect().qualified(info.schema(), info.name());
  }

  /** The name {@code sample_rows} takes: {@code schema.name} or the file's table name. */
  public String sampleName() {
    return info.qualifiedName();
  }

  public Optional<ColumnInfo> column(String name) {
    return info.column(name);
  }

  /** The exact or estimated row count, 0 when unknown. */
  public long rows() {
    return info.rowCount() == null ? 0 : info.rowCount();
  }
}
