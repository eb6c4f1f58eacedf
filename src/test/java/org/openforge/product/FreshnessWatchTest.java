package org.openforge.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.ScratchDatabases;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.process.ProcessIds;
import org.openforge.product.pipeline.PipelinePlan;
import org.openforge.product.pipeline.PipelinePlan.Model;
import org.openforge.product.pipeline.PipelinePlan.SourceTable;
import org.openforge.product.pipeline.PipelineService;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine watches a deployed product's freshness SLA ({@code product-freshness}): a check finds it fresh and
 * waits; a last success older than the SLA, or a failed last run, raises the Tasklist task "Data product is stale"
 * and an incident; a successful run resolves the incident; undeploy ends the watch. Jobs are driven one by one.
 */
class FreshnessWatchTest extends IntegrationTest {

  private static String sourceDb;

  @Autowired
  PipelineService pipelines;
  @Autowired
  EngagementRepository engagementRows;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  FreshnessWatch watch;

  @BeforeAll
  static void source() throws SQLException {
    sourceDb = ScratchDatabases.createPostgres("fresh");
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "create table visits (id integer primary key, page text not null)",
          "insert into visits select g, 'p' || (g % 5) from generate_series(1, 50) g");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(sourceDb);
  }

  @Test
  void aLateOrFailedProductRaisesATaskAndAnIncidentUntilItIsFresh() throws SQLException {
    String sourceId = ProductFixtures.postgresSource(api(), sourceDb);
    String id = createEngagement(Map.of("submit", false, "name", "Watched shop")).get("id").asText();
    Engagement engagement = engagementRows.findById(id).orElseThrow();
    pipelines.deploy(engagement, new PipelinePlan(PipelinePlan.SCHEMA_VERSION,
        List.of(new SourceTable("visits", sourceId, "public.visits")), List.of(new Model("visits_by_page", "marts", "aggregate",
            "select page, count(*) as visits from {{ ref('visits') }} group by page", List.of("visits"),
            List.of()))), "@daily");
    run(id);
    String base = "/api/v1/engagements/" + id + "/product";
    withRole("approver").post(base + "/deploy", Map.of());
    String instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessIds.PRODUCT_FRESHNESS)
        .processInstanceBusinessKey(id).singleResult().getId();
    assertThat(runtime.getVariable(instance, FreshnessWatch.VAR_CHECK_EVERY)).isEqualTo("PT15M");
    assertThat(runtime.getActiveActivityIds(instance)).containsExactly("TimerEvent_NextCheck");

    check(instance);
    assertThat(runtime.getVariable(instance, "stale")).as("just published").isEqualTo(false);
    assertThat(runtime.getActiveActivityIds(instance)).as("waits for the next check")
        .containsExactly("TimerEvent_NextCheck");
    assertThat(incidents(instance)).isEmpty();

    jdbc.sql("update pipeline_run set finished_at = finished_at - interval '3' day where engagement_id = :e")
        .param("e", id).update();
    check(instance);
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getName()).isEqualTo("Data product is stale");
    assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_ProductStale");
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains("engineers", "approvers");
    Map<String, Object> seen = runtime.getVariables(instance);
    assertThat(seen.get("staleReason")).isEqualTo("no successful run within 25 hours");
    assertThat((String) seen.get("lastSuccessAt")).isNotEqualTo("never");
    assertThat(seen.get("lastRunStatus")).isEqualTo("succeeded");
    assertThat(incidents(instance)).singleElement().satisfies(i -> {
      assertThat(i.getIncidentType()).isEqualTo(FreshnessWatch.INCIDENT_TYPE);
      assertThat(i.getIncidentMessage()).contains("is stale: no successful run within 25 hours");
    });
    assertThat(api().get(base).json().at("/freshness/late").asBoolean()).isTrue();

    tasks.complete(task.getId(), Map.of("comment", "the source was down; rerunning"));
    assertThat(runtime.getActiveActivityIds(instance)).containsExactly("TimerEvent_NextCheck");
    assertThat(incidents(instance)).as("open until the data is fresh").hasSize(1);

    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "alter table visits rename to visits_gone");
    }
    Api.Response failing = api().post("/api/v1/engagements/" + id + "/pipeline-runs", Map.of());
    assertThat(failing.status()).isEqualTo(202);
    assertThat(driver().runJobs(id)).as("the load fails until its retries are spent").isNotEmpty();
    check(instance);
    seen = runtime.getVariables(instance);
    assertThat(seen.get("staleReason")).isEqualTo("the last run failed");
    assertThat(seen.get("lastRunStatus")).isEqualTo("failed");
    assertThat((String) seen.get("lastError")).contains("visits");
    assertThat(incidents(instance)).as("still one").hasSize(1);
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
        Map.of("comment", "table renamed upstream"));

    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "alter table visits_gone rename to visits");
    }
    for (Job failed : management.createJobQuery().noRetriesLeft().list()) {
      if (id.equals(runtime.createProcessInstanceQuery().processInstanceId(failed.getProcessInstanceId())
          .singleResult().getBusinessKey())) {
        management.setJobRetries(failed.getId(), 1);
      }
    }
    assertThat(driver().runJobs(id)).as("retried as in Cockpit, the run goes on").isEmpty();
    check(instance);
    assertThat(runtime.getVariable(instance, "stale")).isEqualTo(false);
    assertThat(incidents(instance)).as("resolved by a fresh check").isEmpty();
    assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isZero();

    runtime.deleteProcessInstance(instance, "deleted in Cockpit");
    assertThat(watch.startMissing()).as("a deployed product without a watch gets one at start-up").isPositive();
    assertThat(watch.instance(id)).isPresent();
    assertThat(watch.startMissing()).as("only once").isZero();
    instance = watch.instance(id).orElseThrow().getId();

    withRole("approver").post(base + "/undeploy", Map.of());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).as("undeploy ends it")
        .isZero();
  }

  private void run(String id) {
    Api.Response run = api().post("/api/v1/engagements/" + id + "/pipeline-runs", Map.of());
    assertThat(run.status()).as(run.body()).isEqualTo(202);
    assertThat(driver().runJobs(id)).isEmpty();
  }

  /** Fires the timer, then the check's own job (asynchronous before, with retries). */
  private void check(String instance) {
    Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
    assertThat(timer).as("the next check is scheduled").isNotNull();
    management.executeJob(timer.getId());
    Job checkJob = management.createJobQuery().processInstanceId(instance).messages().singleResult();
    assertThat(checkJob).isNotNull();
    management.executeJob(checkJob.getId());
  }

  private List<Incident> incidents(String instance) {
    return runtime.createIncidentQuery().processInstanceId(instance).list();
  }
}
