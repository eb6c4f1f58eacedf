package org.openforge.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openforge.datasource.ScratchDatabases;
import org.openforge.support.Api;

/** Setup the data-product tests share: a scratch PostgreSQL database registered as a source through the API. */
public final class ProductFixtures {

  private ProductFixtures() {}

  /** Registers the scratch database as a postgresql data source (trust authentication) and returns its id. */
  public static String postgresSource(Api api, String database) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("host", ScratchDatabases.PG_HOST);
    config.put("port", ScratchDatabases.PG_PORT);
    config.put("database", database);
    config.put("username", ScratchDatabases.PG_USER);
    config.put("password", "trust-auth-ignores-it");
    Api.Response created = api.post("/api/v1/data-sources", Map.of("name", "source " + database + " "
        + System.nanoTime(), "source_type", "postgresql", "connection_config", config));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }
}
