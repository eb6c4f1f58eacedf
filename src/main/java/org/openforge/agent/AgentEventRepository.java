package org.openforge.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openforge.system.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AgentEventRepository {

  private final JdbcClient jdbc;
  private final JsonText json;

  public AgentEventRepository(JdbcClient jdbc, JsonText json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public AgentEvent append(String taskId, String type, Map<String, Object> payload, OffsetDateTime at) {
    return append(taskId, nextSeq(taskId), type, payload, at);
  }

  /** The number the task's next event takes. */
  public int nextSeq(String taskId) {
    return jdbc.sql("select coalesce(max(seq), 0) + 1 from agent_event where task_id = :t")
        .param("t", taskId).query(Integer.class).single();
  }

  public AgentEvent append(String taskId, int seq, String type, Map<String, Object> payload, OffsetDateTime at) {
    jdbc.sql("""
        insert into agent_event (task_id, seq, event_type, payload, created_at)
        values (:t, :seq, :type, :payload, :at)""")
        .param("t", taskId).param("seq", seq).param("type", type).param("payload", json.write(payload))
        .param("at", at).update();
    return new AgentEvent(taskId, seq, type, payload, at);
  }

  public List<AgentEvent> after(String taskId, int seq) {
    return jdbc.sql("select * from agent_event where task_id = :t and seq > :seq order by seq")
        .param("t", taskId).param("seq", seq).query(this::map).list();
  }

  private AgentEvent map(ResultSet rs, int row) throws SQLException {
    return new AgentEvent(rs.getString("task_id"), rs.getInt("seq"), rs.getString("event_type"),
        json.map(rs.getString("payload")), rs.getObject("created_at", OffsetDateTime.class));
  }
}
