package org.openforge.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openforge.support.IntegrationTest;

/** The OpenAPI 3 description covers every endpoint, its errors and the API-key scheme. */
class OpenApiTest extends IntegrationTest {

  @Test
  void describesEveryEndpointWithSchemasErrorsAndTheKeyScheme() {
    JsonNode doc = anonymous().get("/v3/api-docs").json();
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    JsonNode paths = doc.get("paths");
    for (String path : new String[] {"/api/v1/engagements", "/api/v1/engagements/{id}",
        "/api/v1/engagements/{id}/transition-check", "/api/v1/engagements/{id}/phase-status",
        "/api/v1/engagements/{id}/quality-gates/{gateId}/pass", "/api/v1/engagements/{id}/transitions",
        "/api/v1/engagements/{id}/summary", "/api/v1/engagements/{id}/artifacts", "/api/v1/approvals",
        "/api/v1/approvals/{id}/approve", "/api/v1/approvals/{id}/reject", "/api/v1/api-keys"}) {
      assertThat(paths.has(path)).as(path).isTrue();
    }
    JsonNode create = paths.get("/api/v1/engagements").get("post");
    assertThat(create.get("responses").has("201")).isTrue();
    assertThat(create.get("responses").get("422").get("content").has("application/problem+json")).isTrue();
    assertThat(doc.get("components").get("securitySchemes").has("ApiKey")).isTrue();
    assertThat(doc.get("components").get("schemas").has("CreateEngagementRequest")).isTrue();
    assertThat(doc.get("components").get("schemas").get("CreateEngagementRequest").get("properties")
        .has("agent_config")).isTrue();
    assertThat(anonymous().get("/swagger-ui.html").status()).isIn(200, 302);
  }
}
