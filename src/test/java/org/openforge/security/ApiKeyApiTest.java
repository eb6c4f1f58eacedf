package org.openforge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys: admins create, list and revoke them; only hashes are stored; roles are enforced. */
class ApiKeyApiTest extends IntegrationTest {

  @Autowired
  private JdbcClient jdbc;

  @Test
  void createListRevoke() {
    Api.Response created = api().post("/api/v1/api-keys", Map.of("name", "ci-bot", "role", "engineer"));
    assertThat(created.status()).isEqualTo(201);
    String secret = created.text("key");
    assertThat(secret).startsWith("ofk_").hasSizeGreaterThan(40);
    assertThat(created.text("role")).isEqualTo("engineer");
    String id = created.text("id");
    assertThat(jdbc.sql("select count(*) from api_key where key_hash = :s").param("s", secret)
        .query(Long.class).single()).isZero();

    Api bot = api().as(secret);
    assertThat(bot.get("/api/v1/engagements").status()).isEqualTo(200);
    Api.Response listed = api().get("/api/v1/api-keys");
    assertThat(listed.body()).contains("ci-bot").doesNotContain(secret);
    assertThat(bot.get("/api/v1/api-keys").status()).isEqualTo(403);
    assertThat(bot.post("/api/v1/api-keys", Map.of("name", "x", "role", "admin")).status()).isEqualTo(403);

    assertThat(api().delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
    assertThat(bot.get("/api/v1/engagements").status()).isEqualTo(401);
    assertThat(api().delete("/api/v1/api-keys/" + id).status()).isEqualTo(409);
    assertThat(api().delete("/api/v1/api-keys/none").status()).isEqualTo(404);
  }

  @Test
  void invalidKeyRequests() {
    Api.Response role = api().post("/api/v1/api-keys", Map.of("name", "x", "role", "superuser"));
    assertThat(role.status()).isEqualTo(422);
    assertThat(role.get("errors").get(0).get("field").asText()).isEqualTo("role");
    assertThat(api().post("/api/v1/api-keys", Map.of("role", "viewer")).status()).isEqualTo(422);
  }

  @Test
  void pathsSpelledDifferentlyAreStillAuthenticated() {
    Api anonymous = api().as(null);
    for (String path : new String[] {"/api;x=1/v1/api-keys", "/api/%761/api-keys", "/api/v1;a/api-keys",
        "/api//v1/api-keys", "/api/v1/api-keys;x"}) {
      Api.Response response = anonymous.get(path);
      assertThat(response.status()).as(path).isIn(400, 401, 404);
      assertThat(response.body()).as(path).doesNotContain("\"role\"");
    }
    assertThat(anonymous.get("/api;x=1/v1/api-keys").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/%761/api-keys").status()).isEqualTo(401);

    String viewer = api().post("/api/v1/api-keys", Map.of("name", "viewer-bot", "role", "viewer")).text("key");
    assertThat(api().as(viewer).get("/api/v1/api-keys;x").status()).isEqualTo(403);
    assertThat(api().as(viewer).get("/api;x/v1/api-keys").status()).isEqualTo(403);
  }
}
