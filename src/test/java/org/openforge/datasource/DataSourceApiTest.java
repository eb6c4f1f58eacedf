package org.openforge.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The data-sources API over real HTTP, against real PostgreSQL, MariaDB and CSV sources. */
@ExtendWith(OutputCaptureExtension.class)
class DataSourceApiTest extends IntegrationTest {

  private static final String PASSWORD = "pw-Zq8!unique-4711";
  private static String database;

  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private SourceEvidenceQuery evidence;

  private final List<String> bodies = new ArrayList<>();

  @BeforeAll
  static void source() throws Exception {
    database = ScratchDatabases.createPostgres("api");
    try (Connection c = ScratchDatabases.postgres(database)) {
      ScratchDatabases.run(c, "create table orders (id int primary key, customer text, total numeric(8,2))",
          "create table notes (id int primary key, order_id int references orders, body text)",
          "insert into orders select g, 'customer ' || (g % 7), g * 2.5 from generate_series(1, 40) g",
          "insert into notes select g, g, 'note ' || g from generate_series(1, 10) g");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(database);
  }

  private Api.Response call(Api.Response response) {
    bodies.add(response.body());
    return response;
  }

  private Map<String, Object> postgresConfig(String db, int port, String password) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("host", ScratchDatabases.PG_HOST);
    config.put("port", port);
    config.put("database", db);
    config.put("username", ScratchDatabases.PG_USER);
    config.put("password", password);
    return config;
  }

  private String create(String type, Map<String, Object> config) {
    Api.Response created = call(api().post("/api/v1/data-sources", Map.of("name", "src " + UUID.randomUUID(),
        "source_type", type, "connection_config", config, "description", "test source")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  @Test
  void createListGetTestSchemaAndCatalogOfAPostgresSource(CapturedOutput output) {
    String id = create("postgresql", postgresConfig(database, ScratchDatabases.PG_PORT, PASSWORD));
    JsonNode got = call(api().get("/api/v1/data-sources/" + id)).json();
    assertThat(got.get("source_type").asText()).isEqualTo("postgresql");
    assertThat(got.get("connection_config").get("password").asText()).isEqualTo("***");
    assertThat(got.get("connection_config").get("database").asText()).isEqualTo(database);
    assertThat(got.get("last_test").isNull()).isTrue();

    String stored = jdbc.sql("select secret from data_source where id = :id").param("id", id).query(String.class)
        .single();
    String config = jdbc.sql("select connection_config from data_source where id = :id").param("id", id)
        .query(String.class).single();
    assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD);
    assertThat(config).doesNotContain(PASSWORD);

    Api.Response list = call(api().get("/api/v1/data-sources?page=1&page_size=100"));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.get("page").asInt()).isEqualTo(1);
    assertThat(list.get("page_size").asInt()).isEqualTo(100);
    assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(list.get("items").findValuesAsText("id")).contains(id);

    Api.Response test = call(api().post("/api/v1/data-sources/" + id + "/test", Map.of()));
    assertThat(test.status()).isEqualTo(200);
    assertThat(test.get("success").asBoolean()).as(test.body()).isTrue();
    assertThat(test.get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(test.get("details").get("server_version").asText()).startsWith("PostgreSQL 1");
    assertThat(test.get("details").get("table_count").asInt()).isEqualTo(2);
    assertThat(test.text("message")).contains("2 tables");
    assertThat(test.get("details").get("privileged_account").asBoolean()).isTrue();
    assertThat(test.get("details").get("warnings").get(0).asText()).contains("superuser").contains("refused");
    JsonNode after = call(api().get("/api/v1/data-sources/" + id)).json();
    assertThat(after.get("last_test").get("success").asBoolean()).isTrue();
    assertThat(after.get("last_test").get("tested_at").isNull()).isFalse();

    Api.Response schema = call(api().get("/api/v1/data-sources/" + id + "/schema"));
    assertThat(schema.status()).isEqualTo(200);
    assertThat(schema.get("profiled").asBoolean()).isFalse();
    JsonNode tables = schema.get("tables");
    assertThat(tables.findValuesAsText("name")).contains("notes", "orders");
    JsonNode notes = tables.get(0);
    assertThat(notes.get("row_count").asLong()).isEqualTo(10);
    assertThat(notes.get("foreign_keys").get(0).get("referenced_table").asText()).isEqualTo("orders");
    assertThat(notes.get("columns").get(0).get("normalized_type").asText()).isEqualTo("integer");
    assertThat(notes.get("columns").get(0).get("profile").isNull()).isTrue();

    Api.Response catalog = call(api().get("/api/v1/data-sources/" + id + "/catalog?top_values=3&tables=orders"));
    assertThat(catalog.status()).as(catalog.body()).isEqualTo(200);
    JsonNode orders = catalog.get("tables").get(0);
    assertThat(orders.get("name").asText()).isEqualTo("orders");
    JsonNode customer = orders.get("columns").get(1).get("profile");
    assertThat(customer.get("distinct_count").asLong()).isEqualTo(7);
    assertThat(customer.get("top_values")).hasSize(3);
    assertThat(orders.get("quality").get("score").asDouble()).isEqualTo(1.0);

    assertNoPassword(output);
  }

  @Test
  void failedTestsAreResultsWithClearMessages(CapturedOutput output) throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(create("postgresql", postgresConfig(database, 1, PASSWORD)), "cannot connect");
    Map<String, Object> badHost = postgresConfig(database, ScratchDatabases.PG_PORT, PASSWORD);
    badHost.put("host", "nosuchhost.invalid");
    cases.put(create("postgresql", badHost), "unknown host");
    cases.put(create("postgresql", postgresConfig("openforge_src_missing_db", ScratchDatabases.PG_PORT, PASSWORD)),
        "does not exist");
    Map<String, Object> badUser = postgresConfig(database, ScratchDatabases.PG_PORT, PASSWORD);
    badUser.put("username", "nosuchuser");
    cases.put(create("postgresql", badUser), "authentication failed");
    cases.put(create("mariadb", Map.of("host", ScratchDatabases.MARIADB_HOST, "port", ScratchDatabases.MARIADB_PORT,
        "database", "test", "username", ScratchDatabases.MARIADB_USER, "password", PASSWORD)), "authentication failed");
    cases.put(create("csv", Map.of("path", "samples/no-such-folder")), "does not exist");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Api.Response test = call(api().post("/api/v1/data-sources/" + c.getKey() + "/test", Map.of()));
      assertThat(test.status()).as(test.body()).isEqualTo(200);
      assertThat(test.get("success").asBoolean()).as(test.body()).isFalse();
      assertThat(test.text("message")).as(test.body()).contains(c.getValue());
      assertThat(test.get("latency_ms").asLong()).isLessThan(10_000);
      JsonNode stored = call(api().get("/api/v1/data-sources/" + c.getKey())).json().get("last_test");
      assertThat(stored.get("success").asBoolean()).isFalse();
      assertThat(stored.get("message").asText()).isEqualTo(test.text("message"));
    }
    String unreachable = cases.keySet().iterator().next();
    Api.Response schema = call(api().get("/api/v1/data-sources/" + unreachable + "/schema"));
    assertThat(schema.status()).isEqualTo(502);
    assertThat(schema.text("error")).isEqualTo("source_unavailable");
    assertNoPassword(output);
  }

  @Test
  void mariaDbAndCsvSourcesTestSuccessfully() {
    String maria = create("mysql", Map.of("jdbc_url", "jdbc:mysql://" + ScratchDatabases.MARIADB_HOST + ":"
        + ScratchDatabases.MARIADB_PORT + "/test", "username", ScratchDatabases.MARIADB_USER));
    Api.Response test = call(api().post("/api/v1/data-sources/" + maria + "/test", Map.of()));
    assertThat(test.get("success").asBoolean()).as(test.body()).isTrue();
    assertThat(test.get("details").get("server_version").asText()).startsWith("MariaDB");
    JsonNode view = call(api().get("/api/v1/data-sources/" + maria)).json();
    assertThat(view.get("connection_config").get("password").isNull()).isTrue();

    String csv = create("csv", Map.of("path", "samples/sales"));
    Api.Response csvTest = call(api().post("/api/v1/data-sources/" + csv + "/test", Map.of()));
    assertThat(csvTest.get("success").asBoolean()).as(csvTest.body()).isTrue();
    assertThat(csvTest.get("details").get("table_count").asInt()).isEqualTo(4);
    Api.Response catalog = call(api().get("/api/v1/data-sources/" + csv + "/catalog"));
    assertThat(catalog.get("tables")).hasSize(4);
    assertThat(catalog.get("profiled").asBoolean()).isTrue();
  }

  @Test
  void invalidRequestsAre422AndStoreNothing() {
    long before = jdbc.sql("select count(*) from data_source").query(Long.class).single();
    Api.Response unknownType = call(api().post("/api/v1/data-sources", Map.of("name", "x", "source_type", "oracle",
        "connection_config", Map.of("host", "h"))));
    assertThat(unknownType.status()).isEqualTo(422);
    assertThat(unknownType.contentType()).contains("application/problem+json");
    assertThat(unknownType.get("error").asText()).isEqualTo("validation_error");
    assertThat(unknownType.get("errors").findValuesAsText("field")).containsExactly("source_type");

    Api.Response missing = call(api().post("/api/v1/data-sources", Map.of("source_type", "postgresql",
        "connection_config", Map.of("port", 70000, "password", PASSWORD))));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name",
        "connection_config.host", "connection_config.port", "connection_config.database",
        "connection_config.username");

    Api.Response badUrl = call(api().post("/api/v1/data-sources", Map.of("name", "x", "source_type", "postgresql",
        "connection_config", Map.of("jdbc_url", "jdbc:h2:mem:evil", "username", "u", "password", PASSWORD))));
    assertThat(badUrl.status()).isEqualTo(422);
    assertThat(badUrl.get("errors").findValuesAsText("field")).containsExactly("connection_config.jdbc_url");

    Api.Response noConfig = call(api().post("/api/v1/data-sources", Map.of("name", "x", "source_type", "csv")));
    assertThat(noConfig.get("errors").findValuesAsText("field")).containsExactly("connection_config");
    Api.Response outside = call(api().post("/api/v1/data-sources", Map.of("name", "x", "source_type", "csv",
        "connection_config", Map.of("path", "/etc"))));
    assertThat(outside.status()).isEqualTo(422);
    Api.Response unknownField = call(api().post("/api/v1/data-sources", Map.of("name", "x", "source_type", "csv",
        "connection_config", Map.of("path", "samples"), "colour", "red")));
    assertThat(unknownField.status()).isEqualTo(422);

    assertThat(jdbc.sql("select count(*) from data_source").query(Long.class).single()).isEqualTo(before);
    assertThat(call(api().get("/api/v1/data-sources/nope")).status()).isEqualTo(404);
    assertThat(call(api().post("/api/v1/data-sources/nope/test", Map.of())).status()).isEqualTo(404);
    assertThat(call(api().get("/api/v1/data-sources/x/catalog?top_values=99")).status()).isEqualTo(422);
  }

  @Test
  void viewersReadButCannotCreate() {
    Api viewer = withRole("viewer");
    assertThat(call(viewer.get("/api/v1/data-sources")).status()).isEqualTo(200);
    assertThat(call(viewer.post("/api/v1/data-sources", Map.of("name", "x", "source_type", "csv",
        "connection_config", Map.of("path", "samples/sales")))).status()).isEqualTo(403);
  }

  @Test
  void onlyAdminsLetAgentsRunSqlOverAPrivilegedAccount() {
    Map<String, Object> config = postgresConfig(database, ScratchDatabases.PG_PORT, PASSWORD);
    config.put("allow_privileged_agent_sql", true);
    Map<String, Object> body = Map.of("name", "privileged " + UUID.randomUUID(), "source_type", "postgresql",
        "connection_config", config);
    Api.Response refused = call(withRole("engineer").post("/api/v1/data-sources", body));
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).contains("allow_privileged_agent_sql");
    config.put("allow_privileged_agent_sql", "yes");
    assertThat(call(api().post("/api/v1/data-sources", body)).status()).isEqualTo(422);
    config.put("allow_privileged_agent_sql", true);
    Api.Response created = call(api().post("/api/v1/data-sources", body));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.get("connection_config").get("allow_privileged_agent_sql").asBoolean()).isTrue();
    Api.Response test = call(api().post("/api/v1/data-sources/" + created.text("id") + "/test", Map.of()));
    assertThat(test.get("details").get("warnings").get(0).asText()).contains("an admin set");
  }

  @Test
  void uploadsCsvFilesAndDeletesThemWithTheSource() throws Exception {
    Api.Response uploaded = call(multipart(Map.of("name", "uploaded sales", "description", "two files"),
        Map.of("orders.csv", "id,amount\n1,10.5\n2,7\n", "items.csv", "id,order_id,sku\n1,1,A\n2,1,B\n3,9,C\n")));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    String id = uploaded.text("id");
    Path folder = Path.of("target/test-data/uploads", id);
    assertThat(folder.resolve("orders.csv")).exists();
    assertThat(folder.resolve("items.csv")).exists();
    assertThat(uploaded.get("source_type").asText()).isEqualTo("csv");
    assertThat(Path.of(uploaded.get("connection_config").get("path").asText())).isEqualTo(folder.toAbsolutePath()
        .normalize());

    Api.Response schema = call(api().get("/api/v1/data-sources/" + id + "/schema"));
    assertThat(schema.get("tables")).extracting(t -> t.get("name").asText()).containsExactly("items", "orders");
    Api.Response catalog = call(api().get("/api/v1/data-sources/" + id + "/catalog"));
    JsonNode items = catalog.get("tables").get(0);
    assertThat(items.get("foreign_keys").get(0).get("inferred").asBoolean()).isTrue();
    assertThat(items.get("quality").get("issues").findValuesAsText("kind")).contains("orphan_foreign_key");
    assertThat(call(api().post("/api/v1/data-sources/" + id + "/test", Map.of())).get("success").asBoolean())
        .isTrue();

    Api.Response wrong = call(multipart(Map.of("name", "bad"), Map.of("notes.txt", "hello")));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.get("errors").findValuesAsText("field")).containsExactly("files[0]");
    Api.Response noName = call(multipart(Map.of(), Map.of("a.csv", "x\n1\n")));
    assertThat(noName.get("errors").findValuesAsText("field")).containsExactly("name");

    assertThat(call(api().delete("/api/v1/data-sources/" + id)).status()).isEqualTo(204);
    assertThat(folder).doesNotExist();
    assertThat(call(api().get("/api/v1/data-sources/" + id)).status()).isEqualTo(404);
  }

  @Test
  void testingAnAttachedSourceIsGateEvidenceAndDeleteWaitsForTheEngagement() {
    String id = create("csv", Map.of("path", "samples/sales"));
    JsonNode engagement = createEngagement(Map.of("data_source_ids", List.of(id)));
    String engagementId = engagement.get("id").asText();
    assertThat(evidence.of(engagementId).connected()).isZero();
    Api.Response test = call(api().post("/api/v1/data-sources/" + id + "/test", Map.of()));
    assertThat(test.get("success").asBoolean()).isTrue();
    SourceEvidence after = evidence.of(engagementId);
    assertThat(after.attached()).isEqualTo(1);
    assertThat(after.connected()).isEqualTo(1);
    assertThat(after.lastTestedAt()).isNotNull();
    assertThat(call(api().get("/api/v1/data-sources/" + id)).json().get("engagement_ids").get(0).asText())
        .isEqualTo(engagementId);

    Api.Response refused = call(api().delete("/api/v1/data-sources/" + id));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.get("engagement_ids").get(0).asText()).isEqualTo(engagementId);
    assertThat(call(api().post("/api/v1/engagements/" + engagementId + "/cancel", Map.of("reason", "done")))
        .status()).isEqualTo(200);
    assertThat(call(api().delete("/api/v1/data-sources/" + id)).status()).isEqualTo(204);
    assertThat(evidence.of(engagementId).attached()).isZero();
  }

  private Api.Response multipart(Map<String, String> fields, Map<String, String> files) {
    String boundary = "----openforge" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
        .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
    files.forEach((name, content) -> body.append("--").append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"").append(name)
        .append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return api().send(HttpRequest.newBuilder(URI.create(api().base() + "/api/v1/data-sources"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  private void assertNoPassword(CapturedOutput output) {
    assertThat(bodies).isNotEmpty().allSatisfy(b -> assertThat(b).doesNotContain(PASSWORD));
    assertThat(output.getAll()).doesNotContain(PASSWORD);
    assertThat(Files.exists(Path.of("target/test-data/secret.key"))).isTrue();
  }
}
