package org.openforge.agent.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.engagement.Artifact;
import org.openforge.support.Api;

/**
 * The build and deploy agents on MariaDB holding the CSV sample as is: the planted defects found by SQL pushed down
 * in MariaDB's dialect, the data API's queries run, and the review reading MariaDB's grants.
 */
class MariaDbBuildTest extends BuildAgentTest {

  private static String database;

  @BeforeAll
  static void load() {
    database = MariaDbSales.create();
  }

  @AfterAll
  static void drop() {
    MariaDbSales.drop(database);
  }

  @Test
  void theSampleDefectsAreFoundBySqlInMariaDb() {
    String engagement = engagement();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("host", MariaDbSales.HOST);
    config.put("port", MariaDbSales.PORT);
    config.put("database", database);
    config.put("username", MariaDbSales.USER);
    config.put("allow_privileged_agent_sql", true); // root: agent SQL as an admin would allow it
    if (!MariaDbSales.PASSWORD.isEmpty()) {
      config.put("password", MariaDbSales.PASSWORD);
    }
    Api.Response created = api().post("/api/v1/data-sources", Map.of("name", "sales mariadb", "source_type",
        "mariadb", "connection_config", config));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String source = created.text("id");
    attach(engagement, source);
    seedOntology(engagement, source);

    completed(engagement, "pipeline_creation", guidePipelineInput());
    Artifact spec = latest(engagement, "pipeline_spec");
    Map<String, JsonNode> checks = new HashMap<>();
    json(spec).get("quality_checks").forEach(c -> checks.put(c.get("id").asText(), c));
    assertThat(checks.get("customer.customer_id.unique").get("failing_rows").asLong()).isEqualTo(2);
    assertThat(checks.get("customer.customer_code_key.unique").get("failing_rows").asLong()).isEqualTo(4);
    assertThat(checks.get("customer.email.required").get("failing_rows").asLong()).isEqualTo(7);
    assertThat(checks.get("sale.customer.reference").get("failing_rows").asLong()).isEqualTo(5);
    JsonNode quantity = checks.get("sale.quantity.type");
    assertThat(quantity.get("method").asText()).isEqualTo("sql");
    assertThat(quantity.get("sql").asText()).contains("as binary) not regexp ?");
    assertThat(quantity.get("failing_rows").asLong()).isEqualTo(4);
    assertThat(checks.get("region.country.pattern").get("status").asText()).isEqualTo("passed");
    assertThat(checks.get("sale.quantity.range").get("status").asText()).isEqualTo("skipped");
    assertThat(checks.get("transformation.calculate_ltv").get("status").asText()).isEqualTo("passed");
    assertThat(spec.metadata()).containsEntry("quality_checks_failed", 5).containsEntry("quality_checks_skipped", 1);

    completed(engagement, "integration_setup", Map.of());
    JsonNode tests = json(latest(engagement, "data_api")).get("x-openforge-export-checks");
    assertThat(tests.get("total").asInt()).isGreaterThan(20);
    tests.get("tests").forEach(t -> assertThat(t.get("failures").toString()).doesNotContain("the query failed"));

    completed(engagement, "deployment_config", Map.of("environment", "staging", "load_test",
        Map.of("duration_seconds", 1, "concurrency", 2, "max_requests", 50)));
    Map<String, JsonNode> review = new HashMap<>();
    json(latest(engagement, "security_review")).get("checks").forEach(c -> review.put(c.get("id").asText(), c));
    JsonNode access = review.values().stream().filter(c -> c.get("id").asText().endsWith(".read_only"))
        .findFirst().orElseThrow();
    assertThat(access.get("severity").asText()).isEqualTo("high");
    assertThat(access.get("evidence").get("grants").toString()).contains("ALL PRIVILEGES ON *.*");
    JsonNode session = review.values().stream().filter(c -> c.get("id").asText().endsWith(".session"))
        .findFirst().orElseThrow();
    assertThat(session.get("status").asText()).isEqualTo("pass");
    assertThat(latest(engagement, "load_test_report").metadata()).containsEntry("errors", 0);
  }
}
