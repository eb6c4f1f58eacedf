package org.openforge.datasource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether a data source exists, for features that reference one. */
@Component
public class DataSourceLookup {

  private final JdbcClient jdbc;

  public DataSourceLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isTarget(String id) {
    return jdbc.sql("select count(*) from data_source where id = :id and source_role = 'target'").param("id", id)
        .query(Long.class).single() > 0;
  }

  public boolean exists(String id) {
    return jdbc.sql("select count(*) from data_source where id = :id").param("id", id).query(Long.class).single() > 0;
  }
}
