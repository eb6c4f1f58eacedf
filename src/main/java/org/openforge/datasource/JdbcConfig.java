package org.openforge.datasource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A PostgreSQL or MySQL/MariaDB connection: host, port, database, credentials, the schemas to catalog (empty: every
 * non-system schema; for MySQL/MariaDB the database itself) and the few URL parameters allowed (e.g. sslmode).
 * {@code jdbcUrl} is the URL as the user gave it (null when given as fields). {@code allowPrivilegedAgentSql} lets
 * agents run SQL although the account can do more than read (only an admin may set it; see AgentSqlPolicy).
 */
public record JdbcConfig(String host, int port, String database, String username, Secret password,
    List<String> schemas, Map<String, String> parameters, String jdbcUrl, boolean allowPrivilegedAgentSql)
    implements SourceConfig {

  /** The connection_config field that sets {@link #allowPrivilegedAgentSql}. */
  public static final String ALLOW_PRIVILEGED_AGENT_SQL = "allow_privileged_agent_sql";

  public JdbcConfig {
    schemas = schemas == null ? List.of() : List.copyOf(schemas);
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    password = password == null ? Secret.none() : password;
  }

  /** A configuration whose agent SQL is refused on a privileged account. */
  public JdbcConfig(String host, int port, String database, String username, Secret password, List<String> schemas,
      Map<String, String> parameters, String jdbcUrl) {
    this(host, port, database, username, password, schemas, parameters, jdbcUrl, false);
  }

  /** This configuration with agent SQL on a privileged account allowed or not. */
  public JdbcConfig withPrivilegedAgentSql(boolean allow) {
    return new JdbcConfig(host, port, database, username, password, schemas, parameters, jdbcUrl, allow);
  }

  /** The URL the driver is given: always rebuilt from the validated parts (PostgreSQL or MariaDB driver). */
  public String driverUrl(SourceType type) {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    String scheme = type == SourceType.POSTGRESQL ? "postgresql" : "mariadb";
    String query = parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return "jdbc:" + scheme + "://" + hostPart + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
  }

  @Override
  public Map<String, Object> stored() {
    Map<String, Object> map = new LinkedHashMap<>();
    if (jdbcUrl != null) {
      map.put("jdbc_url", jdbcUrl);
    } else {
      map.put("host", host);
      map.put("port", port);
      map.put("database", database);
    }
    map.put("username", username);
    if (!schemas.isEmpty()) {
      map.put("schema", String.join(",", schemas));
    }
    if (allowPrivilegedAgentSql) {
      map.put(ALLOW_PRIVILEGED_AGENT_SQL, true);
    }
    return map;
  }

  @Override
  public Map<String, Object> redacted() {
    Map<String, Object> map = stored();
    map.put("password", password.masked());
    return map;
  }
}
