package org.openforge.datasource;

import java.util.Map;
import org.openforge.security.Caller;
import org.openforge.security.Role;
import org.openforge.system.ApiException;

/**
 * Who may let agents run SQL over a privileged database account: only an admin. An engineer may register any
 * source, but {@code connection_config.allow_privileged_agent_sql: true} switches off the refusal of superusers and
 * accounts with file or write grants, so it is an admin's decision.
 */
public final class AgentSqlPolicy {

  private AgentSqlPolicy() {}

  /** Refuses (403) a connection configuration asking for privileged agent SQL unless the caller is an admin. */
  public static void checkCreate(Map<String, Object> connectionConfig, Caller caller) {
    if (connectionConfig != null && Boolean.TRUE.equals(connectionConfig.get(JdbcConfig.ALLOW_PRIVILEGED_AGENT_SQL))
        && !caller.has(Role.ADMIN)) {
      throw ApiException.forbidden("connection_config." + JdbcConfig.ALLOW_PRIVILEGED_AGENT_SQL + " lets agents "
          + "run SQL over a privileged account; only the admin role may set it, this key has " + caller.role().value());
    }
  }
}
