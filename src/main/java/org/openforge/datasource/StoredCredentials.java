package org.openforge.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the platform stores a data source's credentials, read from its own database without touching the values:
 * whether the secret is sealed ({@code v1:} AES-GCM), stored in plain text, or absent, and whether the connection
 * configuration (which the API returns) holds a password.
 */
@Component
public class StoredCredentials {

  /** The storage facts of one source. */
  public record Facts(String secret, boolean passwordInConfig) {}

  private final JdbcClient jdbc;
  private final ObjectMapper mapper;

  public StoredCredentials(JdbcClient jdbc, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  public Optional<Facts> of(String sourceId) {
    return jdbc.sql("select case when secret is null then 'none' when secret like 'v1:%' then 'sealed' else 'plain' "
            + "end as secret_state, connection_config from data_source where id = :id")
        .param("id", sourceId)
        .query((rs, n) -> {
          JsonNode config = read(rs.getString("connection_config"));
          boolean password = config.hasNonNull("password") && !config.get("password").asText().isEmpty()
              && !config.get("password").asText().equals("***");
          return new Facts(rs.getString("secret_state"), password);
        })
        .optional();
  }

  private JsonNode read(String json) {
    try {
      return mapper.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored connection configuration is unreadable", e);
    }
  }
}
