package org.openforge.approval;

import org.openforge.process.ApprovalType;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.openforge.system.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApprovalRepository {

  private static final TypeReference<List<Approval.ReviewItem>> ITEMS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonText json;

  public ApprovalRepository(JdbcClient jdbc, JsonText json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insert(Approval a) {
    jdbc.sql("""
        insert into approval (id, engagement_id, approval_type, phase, title, description, items, context, status,
          routing, routing_reason, task_id, process_instance_id, requested_at, decided_by, decision_comment, decided_at)
        values (:id, :e, :type, :phase, :title, :description, :items, :context, :status, :routing, :reason, :task,
          :pid, :requestedAt, :decidedBy, :comment, :decidedAt)""")
        .param("id", a.id()).param("e", a.engagementId()).param("type", a.type().value()).param("phase", a.phase())
        .param("title", a.title()).param("description", a.description()).param("items", json.write(a.items()))
        .param("context", json.write(a.context())).param("status", a.status().value())
        .param("routing", a.routing()).param("reason", a.routingReason()).param("task", a.taskId())
        .param("pid", a.processInstanceId()).param("requestedAt", a.requestedAt())
        .param("decidedBy", a.decidedBy()).param("comment", a.decisionComment()).param("decidedAt", a.decidedAt())
        .update();
  }

  public Optional<Approval> find(String id) {
    return jdbc.sql("select * from approval where id = :id").param("id", id).query(this::map).optional();
  }

  /** Reads and locks the approval row, so that two deciders are served one after the other. */
  public Optional<Approval> lock(String id) {
    return jdbc.sql("select * from approval where id = :id for update").param("id", id).query(this::map).optional();
  }

  public Optional<Approval> findByTask(String taskId) {
    return jdbc.sql("select * from approval where task_id = :t").param("t", taskId).query(this::map).optional();
  }

  /** Sets the decision only while the approval is pending; false when someone decided first. */
  public boolean decide(String id, ApprovalStatus status, String decidedBy, String comment, OffsetDateTime at) {
    return jdbc.sql("""
        update approval set status = :status, decided_by = :by, decision_comment = :comment, decided_at = :at
        where id = :id and status = 'pending'""")
        .param("status", status.value()).param("by", decidedBy).param("comment", comment).param("at", at)
        .param("id", id).update() == 1;
  }

  public List<Approval> search(String engagementId, String status, String type, int offset, int limit) {
    return jdbc.sql("select * from approval" + where(engagementId, status, type)
            + " order by requested_at desc, id limit :limit offset :offset")
        .params(params(engagementId, status, type)).param("limit", limit).param("offset", offset)
        .query(this::map).list();
  }

  public long count(String engagementId, String status, String type) {
    return jdbc.sql("select count(*) from approval" + where(engagementId, status, type))
        .params(params(engagementId, status, type)).query(Long.class).single();
  }

  public List<Approval> forEngagement(String engagementId) {
    return jdbc.sql("select * from approval where engagement_id = :e order by requested_at, id")
        .param("e", engagementId).query(this::map).list();
  }

  /** The reviewer's comment of the last rejected sign-off of a phase, for agents doing rework. */
  public Optional<String> reviewerFeedback(String engagementId, String phase) {
    return forEngagement(engagementId).stream()
        .filter(a -> phase.equals(a.phase()) && a.isSignOff() && a.status() == ApprovalStatus.REJECTED)
        .max(java.util.Comparator.comparing(Approval::decidedAt))
        .map(Approval::decisionComment);
  }

  private static String where(String engagementId, String status, String type) {
    StringBuilder sql = new StringBuilder(" where 1 = 1");
    if (engagementId != null) {
      sql.append(" and engagement_id = :e");
    }
    if (status != null) {
      sql.append(" and status = :status");
    }
    if (type != null) {
      sql.append(" and approval_type = :type");
    }
    return sql.toString();
  }

  private static java.util.Map<String, Object> params(String engagementId, String status, String type) {
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    if (engagementId != null) {
      params.put("e", engagementId);
    }
    if (status != null) {
      params.put("status", status);
    }
    if (type != null) {
      params.put("type", type);
    }
    return params;
  }

  private Approval map(ResultSet rs, int row) throws SQLException {
    String items = rs.getString("items");
    return new Approval(rs.getString("id"), rs.getString("engagement_id"),
        ApprovalType.parse(rs.getString("approval_type")), rs.getString("phase"), rs.getString("title"),
        rs.getString("description"), items == null ? List.of() : json.read(items, ITEMS),
        json.map(rs.getString("context")), ApprovalStatus.parse(rs.getString("status")), rs.getString("routing"),
        rs.getString("routing_reason"), rs.getString("task_id"), rs.getString("process_instance_id"),
        rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decided_by"),
        rs.getString("decision_comment"), rs.getObject("decided_at", OffsetDateTime.class));
  }
}
