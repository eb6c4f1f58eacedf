package org.openforge.agent.build;

import org.openforge.datasource.SqlDialect;

/** An attached data source as {@code list_data_sources} reports it. */
public record SourceInfo(String id, String name, String sourceType, boolean connected) {

  /** Whether SQL can be pushed down to it (PostgreSQL, MySQL, MariaDB). */
  public boolean jdbc() {
    return SqlDialect.of(sourceType) != null;
  }

  /** The SQL dialect; null for CSV sources. */
  public SqlDialect dialect() {
    return SqlDialect.of(sourceType);
  }
}
