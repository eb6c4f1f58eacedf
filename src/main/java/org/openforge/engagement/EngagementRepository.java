package org.openforge.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openforge.system.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EngagementRepository {

  private final JdbcClient jdbc;
  private final JsonText json;
  private final String lockClause;
  private final String sharedLockClause;

  public EngagementRepository(JdbcClient jdbc, JsonText json, org.openforge.system.Database database) {
    this.jdbc = jdbc;
    this.json = json;
    // PostgreSQL: a lock that foreign-key checks of other transactions (KEY SHARE) do not wait for
    this.lockClause = database.isPostgres() ? "for no key update" : "for update";
    // H2 has no shared row lock: there the shared lock is the exclusive one
    this.sharedLockClause = database.isPostgres() ? "for share" : "for update";
  }

  /** The data source an engagement's data product is loaded into, when it is not the embedded target. */
  public java.util.Optional<String> target(String engagementId) {
    return jdbc.sql("select data_source_id from engagement_target where engagement_id = :e").param("e", engagementId)
        .query(String.class).optional();
  }

  public void setTarget(String engagementId, String dataSourceId) {
    jdbc.sql("insert into engagement_target (engagement_id, data_source_id) values (:e, :d)").param("e", engagementId)
        .param("d", dataSourceId).update();
  }

  public void insert(Engagement e) {
    jdbc.sql("""
        insert into engagement (id, name, objective, description, priority, agent_config, requires_approval,
          process_instance_id, created_by, created_at, updated_at)
        values (:id, :name, :objective, :description, :priority, :config, :requiresApproval, :pid, :createdBy,
          :createdAt, :updatedAt)""")
        .param("id", e.id()).param("name", e.name()).param("objective", e.objective())
        .param("description", e.description()).param("priority", e.priority().value())
        .param("config", json.write(e.agentConfig())).param("requiresApproval", e.requiresApproval())
        .param("pid", e.processInstanceId()).param("createdBy", e.createdBy())
        .param("createdAt", e.createdAt()).param("updatedAt", e.updatedAt())
        .update();
  }

  public Optional<Engagement> findById(String id) {
    return jdbc.sql("select * from engagement where id = :id").param("id", id).query(this::map).optional();
  }

  /**
   * Locks the engagement row until the transaction ends. Evidence writers and gate evaluations take this lock so a
   * gate never evaluates evidence that a concurrent transaction is about to add without being woken up again.
   */
  public boolean lock(String id) {
    return !jdbc.sql("select id from engagement where id = :id " + lockClause).param("id", id)
        .query(String.class).list().isEmpty();
  }

  /**
   * Locks the engagement row in shared mode until the transaction ends: evidence writers do not wait for each other,
   * but wait for (and hold up) those taking {@link #lock}.
   */
  public boolean lockShared(String id) {
    return !jdbc.sql("select id from engagement where id = :id " + sharedLockClause).param("id", id)
        .query(String.class).list().isEmpty();
  }

  public void setProcessInstance(String id, String processInstanceId, OffsetDateTime at) {
    jdbc.sql("update engagement set process_instance_id = :pid, updated_at = :at where id = :id")
        .param("pid", processInstanceId).param("at", at).param("id", id).update();
  }

  public void touch(String id, OffsetDateTime at) {
    jdbc.sql("update engagement set updated_at = :at where id = :id").param("at", at).param("id", id).update();
  }

  public List<Engagement> page(int offset, int limit) {
    return jdbc.sql("select * from engagement order by created_at desc, id limit :limit offset :offset")
        .param("limit", limit).param("offset", offset).query(this::map).list();
  }

  public List<Engagement> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from engagement where id in (:ids) order by created_at desc, id")
        .param("ids", ids).query(this::map).list();
  }

  /** Id and process instance of every engagement, newest first: the input of a status-filtered listing. */
  public List<Engagement> findAllOrdered() {
    return jdbc.sql("select * from engagement order by created_at desc, id").query(this::map).list();
  }

  /** Engagements whose id starts with {@code prefix} (hex digits only; anything else finds none). */
  public List<Engagement> findByIdPrefix(String prefix) {
    if (!prefix.matches("[0-9a-f]{1,36}")) {
      return List.of();
    }
    return jdbc.sql("select * from engagement where id like :p").param("p", prefix + "%").query(this::map).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from engagement").query(Long.class).single();
  }

  public boolean exists(String id) {
    return jdbc.sql("select count(*) from engagement where id = :id").param("id", id).query(Long.class).single() > 0;
  }

  public void attachDataSource(String engagementId, String dataSourceId, OffsetDateTime at) {
    jdbc.sql("""
        insert into engagement_data_source (engagement_id, data_source_id, attached_at)
        select :e, :d, :at
        where not exists (select 1 from engagement_data_source where engagement_id = :e and data_source_id = :d)""")
        .param("e", engagementId).param("d", dataSourceId).param("at", at).update();
  }

  /** The attached data sources of several engagements at once (one query). */
  public java.util.Map<String, List<String>> dataSourceIds(Collection<String> engagementIds) {
    java.util.Map<String, List<String>> ids = new java.util.HashMap<>();
    if (engagementIds.isEmpty()) {
      return ids;
    }
    jdbc.sql("""
        select engagement_id, data_source_id from engagement_data_source
        where engagement_id in (:e) order by attached_at""")
        .param("e", engagementIds)
        .query((rs, row) -> ids.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)))
        .list();
    return ids;
  }

  public List<String> dataSourceIds(String engagementId) {
    return jdbc.sql("select data_source_id from engagement_data_source where engagement_id = :e order by attached_at")
        .param("e", engagementId).query(String.class).list();
  }

  private Engagement map(ResultSet rs, int row) throws SQLException {
    return new Engagement(rs.getString("id"), rs.getString("name"), rs.getString("objective"),
        rs.getString("description"), Priority.parse(rs.getString("priority")),
        json.read(rs.getString("agent_config"), AgentConfig.class), rs.getBoolean("requires_approval"),
        rs.getString("process_instance_id"), rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
  }
}
