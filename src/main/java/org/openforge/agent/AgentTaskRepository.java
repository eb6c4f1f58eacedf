package org.openforge.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.system.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AgentTaskRepository {

  private final JdbcClient jdbc;
  private final JsonText json;
  private final org.springframework.transaction.support.TransactionTemplate newTransaction;

  public AgentTaskRepository(JdbcClient jdbc, JsonText json,
      org.springframework.transaction.PlatformTransactionManager txManager) {
    this.jdbc = jdbc;
    this.json = json;
    this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public void insert(AgentTask t) {
    jdbc.sql("""
        insert into agent_task (id, engagement_id, task_type, description, input_data, status, phase, origin,
          process_instance_id, execution_id, attempts, max_iterations, timeout_seconds, created_by, created_at)
        values (:id, :e, :type, :description, :input, :status, :phase, :origin, :pid, :execution, :attempts,
          :maxIterations, :timeout, :createdBy, :createdAt)""")
        .param("id", t.id()).param("e", t.engagementId()).param("type", t.taskType())
        .param("description", t.description()).param("input", json.write(t.inputData()))
        .param("status", t.status().value()).param("phase", t.phase()).param("origin", t.origin())
        .param("pid", t.processInstanceId()).param("execution", t.executionId()).param("attempts", t.attempts())
        .param("maxIterations", t.maxIterations()).param("timeout", t.timeoutSeconds())
        .param("createdBy", t.createdBy()).param("createdAt", t.createdAt())
        .update();
  }

  public Optional<AgentTask> find(String id) {
    return jdbc.sql("select * from agent_task where id = :id").param("id", id).query(this::map).optional();
  }

  public boolean cancelled(String id) {
    return !jdbc.sql("select id from agent_task where id = :id and status = 'cancelled'").param("id", id)
        .query(String.class).list().isEmpty();
  }

  public Optional<AgentTask> findByExecution(String executionId) {
    return jdbc.sql("select * from agent_task where execution_id = :x order by created_at desc")
        .param("x", executionId).query(this::map).list().stream().findFirst();
  }

  public void setProcess(String id, String processInstanceId, String executionId) {
    jdbc.sql("update agent_task set process_instance_id = :pid, execution_id = :x where id = :id")
        .param("pid", processInstanceId).param("x", executionId).param("id", id).update();
  }

  public void markRunning(String id, String executionId, OffsetDateTime at) {
    jdbc.sql("""
        update agent_task set status = 'running', attempts = attempts + 1, execution_id = :x, error = null,
          started_at = coalesce(started_at, :at), finished_at = null
        where id = :id and status <> 'cancelled'""")
        .param("x", executionId).param("at", at).param("id", id).update();
  }

  public void setStatus(String id, AgentTaskStatus status, String error, OffsetDateTime finishedAt) {
    jdbc.sql("update agent_task set status = :status, error = :error, finished_at = :at where id = :id")
        .param("status", status.value()).param("error", error).param("at", finishedAt).param("id", id).update();
  }

  /** Marks the unfinished tasks of an engagement (or of one process instance) cancelled. */
  public int cancelOpen(String engagementId, String processInstanceId, String reason, OffsetDateTime at) {
    return jdbc.sql("""
        update agent_task set status = 'cancelled', error = :reason, finished_at = :at
        where engagement_id = :e and status in ('pending', 'running', 'waiting_approval')"""
            + (processInstanceId == null ? "" : " and process_instance_id = :pid"))
        .params(processInstanceId == null ? Map.of() : Map.of("pid", processInstanceId))
        .param("reason", reason).param("at", at).param("e", engagementId).update();
  }

  public void complete(String id, Map<String, Object> result, String summary, Double confidence, OffsetDateTime at) {
    jdbc.sql("""
        update agent_task set status = 'completed', result = :result, summary = :summary, confidence = :confidence,
          error = null, finished_at = :at
        where id = :id""")
        .param("result", json.write(result)).param("summary", summary).param("confidence", confidence)
        .param("at", at).param("id", id).update();
  }

  /** Adds model usage in its own transaction, so it is counted even if the run fails afterwards. */
  public void addUsageNow(String id, String provider, String model, long inputTokens, long outputTokens, int calls) {
    newTransaction.executeWithoutResult(s -> addUsage(id, provider, model, inputTokens, outputTokens, calls));
  }

  public long tokensUsed(String id) {
    return jdbc.sql("select input_tokens + output_tokens from agent_task where id = :id").param("id", id)
        .query(Long.class).single();
  }

  public void addUsage(String id, String provider, String model, long inputTokens, long outputTokens, int calls) {
    jdbc.sql("""
        update agent_task set model_provider = :provider, model_name = :model, input_tokens = input_tokens + :in,
          output_tokens = output_tokens + :out, model_calls = model_calls + :calls
        where id = :id""")
        .param("provider", provider).param("model", model).param("in", inputTokens).param("out", outputTokens)
        .param("calls", calls).param("id", id).update();
  }

  public List<AgentTask> search(String engagementId, String status, int offset, int limit) {
    return jdbc.sql("select * from agent_task" + where(engagementId, status)
            + " order by created_at desc, id limit :limit offset :offset")
        .params(params(engagementId, status)).param("limit", limit).param("offset", offset)
        .query(this::map).list();
  }

  public long count(String engagementId, String status) {
    return jdbc.sql("select count(*) from agent_task" + where(engagementId, status))
        .params(params(engagementId, status)).query(Long.class).single();
  }

  /** Task counts per status of an engagement. */
  public Map<AgentTaskStatus, Long> countsByStatus(String engagementId) {
    Map<AgentTaskStatus, Long> counts = new HashMap<>();
    jdbc.sql("select status, count(*) as n from agent_task where engagement_id = :e group by status")
        .param("e", engagementId)
        .query((rs, row) -> counts.put(AgentTaskStatus.parse(rs.getString("status")), rs.getLong("n")))
        .list();
    return counts;
  }

  /** Model usage summed over an engagement: input tokens, output tokens, calls. */
  public long[] usage(String engagementId) {
    return jdbc.sql("""
        select coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0), coalesce(sum(model_calls), 0)
        from agent_task where engagement_id = :e""")
        .param("e", engagementId)
        .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
  }

  /** Mean confidence of the completed tasks of a phase, or null when none reported one. */
  public Double meanConfidence(String engagementId, String phase) {
    return jdbc.sql("""
        select avg(confidence) from agent_task
        where engagement_id = :e and phase = :p and status = 'completed' and confidence is not null""")
        .param("e", engagementId).param("p", phase).query(Double.class).optional().orElse(null);
  }

  private static String where(String engagementId, String status) {
    StringBuilder sql = new StringBuilder(" where 1 = 1");
    if (engagementId != null) {
      sql.append(" and engagement_id = :e");
    }
    if (status != null) {
      sql.append(" and status = :status");
    }
    return sql.toString();
  }

  private static Map<String, Object> params(String engagementId, String status) {
    Map<String, Object> params = new HashMap<>();
    if (engagementId != null) {
      params.put("e", engagementId);
    }
    if (status != null) {
      params.put("status", status);
    }
    return params;
  }

  private AgentTask map(ResultSet rs, int row) throws SQLException {
    return new AgentTask(rs.getString("id"), rs.getString("engagement_id"), rs.getString("task_type"),
        rs.getString("description"), json.map(rs.getString("input_data")),
        AgentTaskStatus.parse(rs.getString("status")), rs.getString("phase"), rs.getString("origin"),
        rs.getString("process_instance_id"), rs.getString("execution_id"), rs.getInt("attempts"),
        (Integer) rs.getObject("max_iterations", Integer.class), rs.getObject("timeout_seconds", Integer.class),
        rs.getString("result") == null ? null : json.map(rs.getString("result")), rs.getString("summary"),
        rs.getObject("confidence", Double.class), rs.getString("error"), rs.getString("model_provider"),
        rs.getString("model_name"), rs.getLong("input_tokens"), rs.getLong("output_tokens"),
        rs.getInt("model_calls"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
  }
}
