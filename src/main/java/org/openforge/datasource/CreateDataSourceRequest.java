package org.openforge.datasource;

import java.util.Map;

/**
 * {@code POST /data-sources}: a name, one of postgresql/mysql/mariadb/csv, the connection configuration
 * ({@code {host, port, database, username, password, schema?}} or {@code {jdbc_url, username, password}}, or
 * {@code {path, delimiter?, header?, encoding?, null_values?}} for csv) and an optional description. {@code role}:
 * {@code source} (default: read by the agents and pipelines) or {@code target} (a PostgreSQL database with write
 * credentials an engagement's data product is loaded into; agents never read it).
 */
public record CreateDataSourceRequest(String name, String sourceType, Map<String, Object> connectionConfig,
    String description, String role) {

  public CreateDataSourceRequest(String name, String sourceType, Map<String, Object> connectionConfig,
      String description) {
    this(name, sourceType, connectionConfig, description, null);
  }
}
