package org.openforge.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.openforge.support.ScriptedChatModels;
import org.openforge.support.Scripts;

/**
 * The reported attack as a model sends it in a real agent run, through execute_sql, on a source connecting as the
 * server's admin user with agent SQL allowed: the tool call fails with the reason, the model is told, the run's
 * messages and events show it, and no row is deleted.
 */
class AgentSqlRunTest extends IntegrationTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ATTACK = "select $q$ ' $q$; commit; set session characteristics as transaction read "
      + "write; commit; delete from sales.sales where sale_id <= 10; --'";
  private static String database;

  @BeforeAll
  static void source() throws Exception {
    database = ScratchDatabases.createPostgres("run");
    try (Connection c = ScratchDatabases.postgres(database)) {
      ScratchDatabases.run(c, "create schema sales", "create table sales.sales (sale_id int primary key, amount int)",
          "insert into sales.sales select g, g from generate_series(1, 50) g");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(database);
  }

  @Test
  void aRefusedStatementFailsTheToolCallAndShowsInTheRunsMessages() throws Exception {
    String script = "sql-" + UUID.randomUUID();
    String engagement = createEngagement(Map.of("agent_config", Map.of("auto_run", false,
        "llm", Map.of("provider", "scripted", "model", script)))).get("id").asText();
    String source = attachedSource(engagement);
    agents.script(engagement, "stakeholder_analysis", Scripts.artifact("stakeholder_analysis",
        Map.of("stakeholder_count", 3)));
    models.script(script, models.toolCall("execute_sql", MAPPER.writeValueAsString(Map.of("source_id", source,
        "sql", ATTACK))), ScriptedChatModels.answer("The query was refused."));
    Api.Response created = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement, "task_type",
        "stakeholder_analysis", "description", "attack", "input_data", Map.of()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String task = created.text("id");
    driver().runJobs(engagement);

    JsonNode done = api().get("/api/v1/agents/tasks/" + task).json();
    assertThat(done.get("status").asText()).isEqualTo("completed");
    String messages = api().get("/api/v1/agents/tasks/" + task + "/messages?channel=model").body();
    assertThat(messages).contains("SQL refused").contains("dollar-quoted text");
    assertThat(models.requests(script).get(1).messages().toString()).contains("SQL refused");
    String stream = api().get("/api/v1/agents/tasks/" + task + "/stream").body();
    assertThat(stream).contains("\"tool\":\"execute_sql\"").contains("\"status\":\"failed\"");
    try (Connection c = ScratchDatabases.postgres(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from sales.sales")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(50);
    }
  }

  private String attachedSource(String engagement) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("host", ScratchDatabases.PG_HOST);
    config.put("port", ScratchDatabases.PG_PORT);
    config.put("database", database);
    config.put("username", ScratchDatabases.PG_USER);
    config.put("password", ScratchDatabases.PG_PASSWORD);
    config.put("schema", "sales");
    config.put("allow_privileged_agent_sql", true);
    Api.Response created = api().post("/api/v1/data-sources", Map.of("name", "attacked " + database,
        "source_type", "postgresql", "connection_config", config));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.text("id");
    Api.Response attached = api().post("/api/v1/engagements/" + engagement + "/data-sources",
        Map.of("data_source_id", id));
    assertThat(attached.status()).as(attached.body()).isBetween(200, 204);
    return id;
  }
}
