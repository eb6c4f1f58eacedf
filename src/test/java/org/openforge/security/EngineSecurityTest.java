package org.openforge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.system.OpenForgeProperties;

/** The engine side: REST behind HTTP Basic against Operaton identity, webapps behind their login. */
class EngineSecurityTest extends IntegrationTest {

  @Test
  void engineRestNeedsBasicAuthExceptEngineAndVersion() {
    assertThat(anonymous().get("/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(anonymous().get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(anonymous().get("/engine-rest/engine").status()).isEqualTo(200);
    assertThat(anonymous().get("/engine-rest/version").status()).isEqualTo(200);
    // a wrong password locks the user for a moment (Operaton's login throttling): use another user here
    assertThat(basic("nobody", "wrong").status()).isEqualTo(401);
    Api.Response ok = basic(ADMIN_USER, ADMIN_PASSWORD);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).contains("engagement-lifecycle", "phase-discovery");
  }

  @Test
  void webappApisNeedALogin() {
    assertThat(anonymous().get("/operaton/api/engine/engine/default/process-definition").status())
        .isIn(401, 403);
    assertThat(anonymous().get("/operaton/app/tasklist/default/").status()).isEqualTo(200);
  }

  @Test
  void publicApiNeedsAKey() {
    Api.Response none = anonymous().get("/api/v1/engagements");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.contentType()).startsWith("application/problem+json");
    assertThat(none.text("error")).isEqualTo("unauthorized");
    assertThat(none.text("request_id")).isNotBlank();
    assertThat(api().as("nope").get("/api/v1/engagements").status()).isEqualTo(401);
    Api.Response bearer = anonymous().send(HttpRequest.newBuilder(URI.create(anonymous().base()
        + "/api/v1/engagements")).header("Authorization", "Bearer " + ADMIN_KEY).GET());
    assertThat(bearer.status()).isEqualTo(200);
  }

  @Test
  void nonEmbeddedProfilesRefuseToStartWithoutAnAdminPassword() {
    OpenForgeProperties strict = new OpenForgeProperties(false, Path.of("target"), Path.of("samples"),
        new OpenForgeProperties.Admin("ops", null, null), new OpenForgeProperties.Demo(false));
    assertThatThrownBy(() -> EngineIdentityBootstrap.AdminCredentials.resolve(strict))
        .hasMessageContaining("OPENFORGE_ADMIN_PASSWORD");
    OpenForgeProperties embedded = new OpenForgeProperties(true, Path.of("target"), Path.of("samples"),
        new OpenForgeProperties.Admin(null, null, null), new OpenForgeProperties.Demo(false));
    EngineIdentityBootstrap.AdminCredentials demo = EngineIdentityBootstrap.AdminCredentials.resolve(embedded);
    assertThat(demo.user()).isEqualTo("demo");
    assertThat(demo.fallback()).isTrue();
    OpenForgeProperties configured = new OpenForgeProperties(false, Path.of("target"), Path.of("samples"),
        new OpenForgeProperties.Admin("ops", "s3cret", null), new OpenForgeProperties.Demo(false));
    assertThat(EngineIdentityBootstrap.AdminCredentials.resolve(configured).user()).isEqualTo("ops");
  }

  private Api.Response basic(String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    return anonymous().send(HttpRequest.newBuilder(URI.create(anonymous().base()
        + "/engine-rest/process-definition?latestVersion=true")).header("Authorization", "Basic " + token).GET());
  }
}
