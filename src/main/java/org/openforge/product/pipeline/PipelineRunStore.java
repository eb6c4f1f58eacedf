package org.openforge.product.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.openforge.system.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pipeline versions and runs, with their steps and tests. Steps, tests and a run's end commit on their own: a step
 * that fails rolls back its job's transaction, and its record must stay.
 */
@Repository
public class PipelineRunStore {

  private final JdbcClient jdbc;
  private final JsonText json;
  private final org.springframework.context.ApplicationEventPublisher events;

  public PipelineRunStore(JdbcClient jdbc, JsonText json, org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
  }

  public void insertDefinition(String engagementId, int version, String processKey, String processDefinitionId,
      String deploymentId, String schedule, PipelinePlan plan, OffsetDateTime at) {
    jdbc.sql("""
        insert into pipeline_definition (engagement_id, version, process_key, process_definition_id, deployment_id,
          schedule, plan, created_at) values (:e, :v, :k, :d, :dep, :s, :p, :at)""")
        .param("e", engagementId).param("v", version).param("k", processKey).param("d", processDefinitionId)
        .param("dep", deploymentId).param("s", schedule).param("p", json.write(plan)).param("at", at).update();
  }

  public int latestVersion(String engagementId) {
    return jdbc.sql("select coalesce(max(version), 0) from pipeline_definition where engagement_id = :e")
        .param("e", engagementId).query(Integer.class).single();
  }

  public Optional<PipelinePlan> plan(String engagementId, int version) {
    return jdbc.sql("select plan from pipeline_definition where engagement_id = :e and version = :v")
        .param("e", engagementId).param("v", version).query(String.class).optional()
        .map(p -> json.read(p, PipelinePlan.class));
  }

  public String processDefinitionId(String engagementId, int version) {
    return jdbc.sql("select process_definition_id from pipeline_definition where engagement_id = :e and version = :v")
        .param("e", engagementId).param("v", version).query(String.class).single();
  }

  public String schedule(String engagementId, int version) {
    return jdbc.sql("select schedule from pipeline_definition where engagement_id = :e and version = :v")
        .param("e", engagementId).param("v", version).query(String.class).single();
  }

  /** The newest run of the engagement, if any. */
  public Optional<PipelineRun> latestRun(String engagementId) {
    return jdbc.sql("select * from pipeline_run where engagement_id = :e order by started_at desc, id "
        + "fetch first 1 rows only").param("e", engagementId).query(this::run).optional();
  }

  /** When the newest successful run finished. */
  public Optional<OffsetDateTime> lastSuccess(String engagementId) {
    return jdbc.sql("select max(finished_at) from pipeline_run where engagement_id = :e and status = 'succeeded'")
        .param("e", engagementId).query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).list().stream()
        .filter(java.util.Objects::nonNull).findFirst();
  }

  /** The next target version: one more than any run of the engagement so far. */
  public int nextTargetVersion(String engagementId) {
    return jdbc.sql("select coalesce(max(target_version), 0) + 1 from pipeline_run where engagement_id = :e")
        .param("e", engagementId).query(Integer.class).single();
  }

  public void insertRun(PipelineRun run) {
    jdbc.sql("""
        insert into pipeline_run (id, engagement_id, pipeline_version, target_version, process_instance_id, status,
          run_trigger, started_at) values (:id, :e, :pv, :tv, :pid, :s, :t, :at)""")
        .param("id", run.id()).param("e", run.engagementId()).param("pv", run.pipelineVersion())
        .param("tv", run.targetVersion()).param("pid", run.processInstanceId()).param("s", run.status())
        .param("t", run.trigger()).param("at", run.startedAt()).update();
  }

  /** Ends a run; its outcome is evidence for the Build gate, whose phase re-evaluates after this commits. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void finishRun(String runId, String status, String error, OffsetDateTime at) {
    jdbc.sql("update pipeline_run set status = :s, error = :err, finished_at = :at where id = :id")
        .param("s", status).param("err", error).param("at", at).param("id", runId).update();
    findRun(runId).ifPresent(r -> events.publishEvent(new org.openforge.engagement.EvidenceArrived(r.engagementId())));
  }

  /** Records a step; a retried step replaces its earlier record. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordStep(String runId, PipelineRun.Step step, OffsetDateTime at) {
    jdbc.sql("delete from pipeline_step where run_id = :r and name = :n").param("r", runId).param("n", step.name())
        .update();
    jdbc.sql("""
        insert into pipeline_step (run_id, name, kind, rows_read, rows_written, seconds, status, error, finished_at)
        values (:r, :n, :k, :rr, :rw, :sec, :s, :err, :at)""")
        .param("r", runId).param("n", step.name()).param("k", step.kind()).param("rr", step.rowsRead())
        .param("rw", step.rowsWritten()).param("sec", step.seconds()).param("s", step.status())
        .param("err", step.error()).param("at", at).update();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void replaceTests(String runId, List<PipelineRun.Test> tests) {
    jdbc.sql("delete from pipeline_test where run_id = :r").param("r", runId).update();
    for (PipelineRun.Test t : tests) {
      jdbc.sql("""
          insert into pipeline_test (run_id, model, test, status, failing_rows, examples)
          values (:r, :m, :t, :s, :f, :ex)""")
          .param("r", runId).param("m", t.model()).param("t", t.test()).param("s", t.status())
          .param("f", t.failingRows()).param("ex", json.write(t.examples())).update();
    }
  }

  public Optional<PipelineRun> find(String engagementId, String runId) {
    return jdbc.sql("select * from pipeline_run where engagement_id = :e and id = :id").param("e", engagementId)
        .param("id", runId).query(this::run).optional().map(this::withDetails);
  }

  public Optional<PipelineRun> findRun(String runId) {
    return jdbc.sql("select * from pipeline_run where id = :id").param("id", runId).query(this::run).optional();
  }

  public Optional<PipelineRun> byProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from pipeline_run where process_instance_id = :p").param("p", processInstanceId)
        .query(this::run).optional();
  }

  public List<PipelineRun> list(String engagementId, int offset, int limit) {
    return jdbc.sql("select * from pipeline_run where engagement_id = :e order by started_at desc, id "
        + "offset :o rows fetch next :l rows only").param("e", engagementId).param("o", offset).param("l", limit)
        .query(this::run).list().stream().map(this::withDetails).toList();
  }

  public long count(String engagementId) {
    return jdbc.sql("select count(*) from pipeline_run where engagement_id = :e").param("e", engagementId)
        .query(Long.class).single();
  }

  /** Runs that may still hold a process instance: running, or failed with an incident waiting for a retry. */
  public List<PipelineRun> open(String engagementId) {
    return jdbc.sql("select * from pipeline_run where engagement_id = :e and status in ('running', 'failed')")
        .param("e", engagementId).query(this::run).list();
  }

  /** The target versions of the newest succeeded runs (those that were published), newest first. */
  public List<Integer> publishedVersions(String engagementId, int limit) {
    return jdbc.sql("select target_version from pipeline_run where engagement_id = :e and status = 'succeeded' "
        + "order by target_version desc fetch first :l rows only").param("e", engagementId).param("l", limit)
        .query(Integer.class).list();
  }

  /** A failed run whose incident was retried goes on: it is running again. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void resumeIfFailed(String runId) {
    jdbc.sql("update pipeline_run set status = 'running', error = null, finished_at = null "
        + "where id = :id and status = 'failed'").param("id", runId).update();
  }

  private PipelineRun withDetails(PipelineRun run) {
    List<PipelineRun.Step> steps = jdbc.sql("select * from pipeline_step where run_id = :r order by finished_at, name")
        .param("r", run.id()).query((rs, i) -> new PipelineRun.Step(rs.getString("name"), rs.getString("kind"),
            (Long) rs.getObject("rows_read", Long.class), (Long) rs.getObject("rows_written", Long.class),
            (Double) rs.getObject("seconds", Double.class), rs.getString("status"), rs.getString("error"))).list();
    List<PipelineRun.Test> tests = jdbc.sql("select * from pipeline_test where run_id = :r order by model, test")
        .param("r", run.id()).query((rs, i) -> new PipelineRun.Test(rs.getString("model"), rs.getString("test"),
            rs.getString("status"), rs.getLong("failing_rows"),
            rs.getString("examples") == null ? List.of() : json.list(rs.getString("examples")))).list();
    return run.withDetails(steps, tests);
  }

  private PipelineRun run(ResultSet rs, int row) throws SQLException {
    return new PipelineRun(rs.getString("id"), rs.getString("engagement_id"), rs.getInt("pipeline_version"),
        rs.getInt("target_version"), rs.getString("status"), rs.getString("run_trigger"), rs.getString("error"),
        rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
        rs.getString("process_instance_id"), List.of(), List.of());
  }
}
