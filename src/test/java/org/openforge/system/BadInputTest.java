package org.openforge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.support.ModelerDeployments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input gets a clear 4xx and changes nothing: duplicate JSON keys, numbers where text or flags belong, broken
 * multipart bodies, the error page itself, a model that is not well-formed XML.
 */
class BadInputTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void duplicateKeysAreMalformedJson() {
    String id = createEngagement(Map.of("submit", false)).get("id").asText();
    Map<String, String> calls = new LinkedHashMap<>();
    calls.put("/api/v1/engagements/" + id + "/cancel", "{\"reason\":\"a\",\"reason\":\"b\"}");
    calls.put("/api/v1/engagements/" + id + "/data-sources", "{\"data_source_id\":\"a\",\"data_source_id\":\"b\"}");
    calls.put("/api/v1/engagements/" + id + "/quality-gates/stakeholder_analysis/pass",
        "{\"validator\":\"a\",\"validator\":\"b\",\"evidence\":{}}");
    calls.put("/api/v1/api-keys", "{\"name\":\"a\",\"name\":\"b\",\"role\":\"viewer\"}");
    calls.put("/api/v1/approvals/nope/approve", "{\"comment\":\"a\",\"comment\":\"b\"}");
    calls.put("/api/v1/engagements", "{\"name\":\"a\",\"name\":\"b\"}");
    long engagements = count("engagement");
    long keys = count("api_key");
    calls.forEach((path, body) -> {
      Api.Response r = post(path, body);
      assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(path).containsIgnoringCase("duplicate");
    });
    assertThat(count("engagement")).isEqualTo(engagements);
    assertThat(count("api_key")).isEqualTo(keys);
  }

  @Test
  void scalarsAreNotCoerced() {
    long engagements = count("engagement");
    for (String body : new String[] {"{\"name\": 1e30}", "{\"name\": \"x\", \"submit\": -1}",
        "{\"name\": \"x\", \"requires_approval\": \"yes\"}", "{\"name\": true}"}) {
      Api.Response r = post("/api/v1/engagements", body);
      assertThat(r.status()).as(body + " " + r.body()).isEqualTo(422);
    }
    assertThat(count("engagement")).isEqualTo(engagements);
  }

  @Test
  void brokenMultipartIsABadRequest() {
    String url = "/api/v1/data-sources";
    Api.Response noBoundary = api().send(HttpRequest.newBuilder(URI.create(api().base() + url))
        .header("Content-Type", "multipart/form-data").POST(HttpRequest.BodyPublishers.ofString("x")));
    assertThat(noBoundary.status()).as(noBoundary.body()).isEqualTo(400);
    String truncated = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\na,b\r\n1,2";
    Api.Response cut = api().send(HttpRequest.newBuilder(URI.create(api().base() + url))
        .header("Content-Type", "multipart/form-data; boundary=b")
        .POST(HttpRequest.BodyPublishers.ofString(truncated)));
    assertThat(cut.status()).as(cut.body()).isEqualTo(400);
    String nul = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000.csv\"\r\n\r\na,b\r\n1,2\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nnul\r\n--b--\r\n";
    Api.Response withNul = api().send(HttpRequest.newBuilder(URI.create(api().base() + url))
        .header("Content-Type", "multipart/form-data; boundary=b")
        .POST(HttpRequest.BodyPublishers.ofString(nul, StandardCharsets.UTF_8)));
    assertThat(withNul.status()).as(withNul.body()).isBetween(400, 499);
  }

  @Test
  void theErrorPageIsNeverAServerError() {
    assertThat(api().get("/error").status()).isBetween(400, 499);
    assertThat(anonymous().get("/error").status()).isBetween(400, 499);
  }

  @Test
  void aModelThatIsNotWellFormedIsRefusedByTheEngineApi() {
    Api.Response r = ModelerDeployments.deploy(anonymous(), "broken.bpmn", "<bpmn:definitions><unclosed>",
        ADMIN_USER, ADMIN_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
  }

  @Test
  void aDeployedModelThatCannotStartIsAConflictNamingItAndStoresNothing() throws Exception {
    String xml = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/engagement-lifecycle.bpmn"));
    String broken = xml.replace("${requiresApproval}", "${noSuchBean.requiresApproval}");
    assertThat(broken).isNotEqualTo(xml);
    try {
      assertThat(ModelerDeployments.deploy(anonymous(), "engagement-lifecycle.bpmn", broken, ADMIN_USER,
          ADMIN_PASSWORD).status()).isEqualTo(200);
      long engagements = count("engagement");
      Api.Response r = post("/api/v1/engagements", "{\"name\": \"broken model\"}");
      assertThat(r.status()).as(r.body()).isEqualTo(409);
      assertThat(r.body()).contains("engagement-lifecycle").contains("noSuchBean");
      assertThat(r.text("element")).isEqualTo("Flow_ApprovalRequired");
      assertThat(count("engagement")).isEqualTo(engagements);
    } finally {
      ModelerDeployments.deploy(anonymous(), "engagement-lifecycle.bpmn", xml, ADMIN_USER, ADMIN_PASSWORD);
    }
  }

  @Test
  void aDeployedModelThatReadsAMissingVariableIsAConflictNamingTheElementAndStoresNothing() throws Exception {
    String xml = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/engagement-lifecycle.bpmn"));
    String broken = xml.replace("${requiresApproval}", "${requiresKickOffApproval}");
    assertThat(broken).isNotEqualTo(xml);
    assertRefusedNamingElement(broken, "{\"name\": \"missing variable\"}", "Flow_ApprovalRequired",
        "requiresKickOffApproval");
  }

  @Test
  void aDeployedModelThatRenamedAnInputIsAConflictNamingTheElementAndStoresNothing() throws Exception {
    String xml = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/engagement-lifecycle.bpmn"));
    String broken = xml.replace("<operaton:inputParameter name=\"approvalType\">engagement",
        "<operaton:inputParameter name=\"approvalKind\">engagement");
    assertThat(broken).isNotEqualTo(xml);
    assertRefusedNamingElement(broken, "{\"name\": \"renamed input\", \"requires_approval\": true}",
        "UserTask_ApproveEngagement", "approvalType");
  }

  private void assertRefusedNamingElement(String model, String body, String element, String cause) throws Exception {
    String xml = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/engagement-lifecycle.bpmn"));
    try {
      assertThat(ModelerDeployments.deploy(anonymous(), "engagement-lifecycle.bpmn", model, ADMIN_USER,
          ADMIN_PASSWORD).status()).isEqualTo(200);
      long engagements = count("engagement");
      long approvals = count("approval");
      long audit = count("audit_event");
      Api.Response r = post("/api/v1/engagements", body);
      assertThat(r.status()).as(r.body()).isEqualTo(409);
      assertThat(r.contentType()).contains("problem+json");
      assertThat(r.text("model")).isEqualTo("engagement-lifecycle");
      assertThat(r.text("element")).isEqualTo(element);
      assertThat(r.body()).contains(cause);
      assertThat(count("engagement")).isEqualTo(engagements);
      assertThat(count("approval")).isEqualTo(approvals);
      assertThat(count("audit_event")).isEqualTo(audit);
    } finally {
      ModelerDeployments.deploy(anonymous(), "engagement-lifecycle.bpmn", xml, ADMIN_USER, ADMIN_PASSWORD);
    }
  }

  private Api.Response post(String path, String body) {
    return api().send(HttpRequest.newBuilder(URI.create(api().base() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
