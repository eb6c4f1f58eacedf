package org.openforge.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openforge.system.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What people and the platform did to an engagement: transitions, pauses, cancellations, gates passed by hand. */
@Component
public class AuditTrail {

  private final JdbcClient jdbc;
  private final JsonText json;
  private final Clock clock;

  public AuditTrail(JdbcClient jdbc, JsonText json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  public record Entry(String id, String engagementId, String action, String actor, Map<String, Object> details,
      OffsetDateTime createdAt) {}

  public void record(String engagementId, String action, String actor, Map<String, Object> details) {
    jdbc.sql("""
        insert into audit_event (id, engagement_id, action, actor, details, created_at)
        values (:id, :e, :action, :actor, :details, :at)""")
        .param("id", UUID.randomUUID().toString()).param("e", engagementId).param("action", action)
        .param("actor", actor).param("details", json.write(details)).param("at", OffsetDateTime.now(clock))
        .update();
  }

  public List<Entry> forEngagement(String engagementId) {
    return jdbc.sql("select * from audit_event where engagement_id = :e order by created_at, id")
        .param("e", engagementId).query(this::map).list();
  }

  private Entry map(ResultSet rs, int row) throws SQLException {
    return new Entry(rs.getString("id"), rs.getString("engagement_id"), rs.getString("action"),
        rs.getString("actor"), json.map(rs.getString("details")), rs.getObject("created_at", OffsetDateTime.class));
  }
}
