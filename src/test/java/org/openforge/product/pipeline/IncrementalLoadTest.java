package org.openforge.product.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.ScratchDatabases;
import org.openforge.engagement.EngagementRepository;
import org.openforge.product.pipeline.PipelinePlan.Incremental;
import org.openforge.product.pipeline.PipelinePlan.SourceTable;
import org.openforge.product.target.ProductTargets;
import org.openforge.product.target.AnalyticalTarget;
import org.openforge.product.ProductFixtures;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Incremental loads: an append-only table reads only rows past its key; a table with updated-at upserts. */
class IncrementalLoadTest extends IntegrationTest {

  private static String sourceDb;

  @Autowired
  PipelineService pipelines;
  @Autowired
  EngagementRepository engagementRows;
  @Autowired
  ProductTargets targets;

  @BeforeAll
  static void source() throws SQLException {
    sourceDb = ScratchDatabases.createPostgres("incremental");
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "create table events (id bigint primary key, v integer)",
          "create table people (id integer primary key, name text, updated_at timestamp not null)",
          "insert into events select g, g % 7 from generate_series(1, 100) g",
          "insert into people select g, 'person ' || g, timestamp '2024-01-01' + g * interval '1 hour'"
              + " from generate_series(1, 10) g");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(sourceDb);
  }

  @Test
  void secondRunReadsOnlyNewAndChangedRows() throws SQLException {
    String sourceId = ProductFixtures.postgresSource(api(), sourceDb);
    String engagementId = createEngagement(Map.of("submit", false, "name", "Incremental")).get("id").asText();
    var engagement = engagementRows.findById(engagementId).orElseThrow();
    pipelines.deploy(engagement, new PipelinePlan(PipelinePlan.SCHEMA_VERSION, List.of(
        new SourceTable("events", sourceId, "public.events", new Incremental(Incremental.APPEND, "id", List.of())),
        new SourceTable("people", sourceId, "public.people",
            new Incremental(Incremental.UPSERT, "updated_at", List.of("id")))), List.of()), "@daily");

    assertThat(steps(run(engagementId))).containsEntry("load events", List.of(100L, 100L))
        .containsEntry("load people", List.of(10L, 10L));
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "insert into events select g, 0 from generate_series(101, 150) g",
          "update people set name = 'renamed ' || id, updated_at = timestamp '2025-01-01' where id in (2, 4, 6)",
          "insert into people values (11, 'new 11', timestamp '2025-02-01'), (12, 'new 12', timestamp '2025-02-01')");
    }
    assertThat(steps(run(engagementId))).as("only the new and changed rows are read")
        .containsEntry("load events", List.of(50L, 150L)).containsEntry("load people", List.of(5L, 12L));

    AnalyticalTarget target = targets.of(engagement);
    try (Connection c = target.open(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*), count(distinct id), sum(case when name like 'renamed%' "
            + "then 1 else 0 end) from " + target.kind().qualified(target.schema(), "people"))) {
      rs.next();
      assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).containsExactly(12L, 12L, 3L);
    }
  }

  @Test
  void aTableDroppedSinceDiscoveryFailsItsStepThenTheRunWithAnIncident() throws SQLException {
    String sourceId = ProductFixtures.postgresSource(api(), sourceDb);
    String engagementId = createEngagement(Map.of("submit", false, "name", "Dropped table")).get("id").asText();
    pipelines.deploy(engagementRows.findById(engagementId).orElseThrow(), new PipelinePlan(
        PipelinePlan.SCHEMA_VERSION, List.of(new SourceTable("events", sourceId, "public.events"),
            new SourceTable("gone", sourceId, "public.dropped_since_discovery")), List.of()), "@daily");
    String runId = api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of()).text("id");
    List<String> failures = driver().runJobs(engagementId);
    assertThat(failures).hasSize(3).allSatisfy(f -> assertThat(f).contains("load gone failed")
        .contains("dropped_since_discovery"));
    JsonNode run = api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs/" + runId).json();
    assertThat(run.get("status").asText()).isEqualTo("failed");
    assertThat(run.get("error").asText()).contains("dropped_since_discovery");
    assertThat(steps(run).get("load events")).as("the other table loaded").satisfies(rows ->
        assertThat(rows.get(1)).isEqualTo(rows.get(0)).isPositive());
    assertThat(runtime.createIncidentQuery().processInstanceId(run.get("process_instance_id").asText()).count())
        .as("an incident on the run, retryable in Cockpit").isEqualTo(1);
    assertThat(api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of()).status())
        .as("the failed run's instance still holds its incident: one run at a time").isEqualTo(409);

    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "create table dropped_since_discovery (id integer)",
          "insert into dropped_since_discovery values (1), (2)");
    }
    String instance = run.get("process_instance_id").asText();
    management.createJobQuery().processInstanceId(instance).noRetriesLeft().list()
        .forEach(job -> management.setJobRetries(job.getId(), 1));
    assertThat(driver().runJobs(engagementId)).as("retried as in Cockpit").isEmpty();
    JsonNode retried = api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs/" + runId).json();
    assertThat(retried.get("status").asText()).isEqualTo("succeeded");
    assertThat(steps(retried)).containsEntry("load gone", List.of(2L, 2L));
  }

  private JsonNode run(String engagementId) {
    Api.Response started = api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(driver().runJobs(engagementId)).isEmpty();
    JsonNode run = api().get("/api/v1/engagements/" + engagementId + "/pipeline-runs/" + started.text("id")).json();
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    return run;
  }

  private static Map<String, List<Long>> steps(JsonNode run) {
    Map<String, List<Long>> steps = new LinkedHashMap<>();
    run.get("steps").forEach(s -> steps.put(s.get("name").asText(),
        List.of(s.get("rows_read").asLong(), s.get("rows_written").asLong())));
    return steps;
  }
}
