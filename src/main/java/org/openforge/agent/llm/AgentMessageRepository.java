package org.openforge.agent.llm;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openforge.system.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.openforge.agent.JournalWriter;

/**
 * The conversation of each run, appended as it happens: through the agent journal's writer, which commits messages
 * in the order they come (several to a transaction when they come together); {@link #append} waits for the commit,
 * {@link #appendLater} does not (the run flushes the journal before its result commits).
 */
@Repository
public class AgentMessageRepository {

  private static final TypeReference<List<Map<String, Object>>> CALLS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonText json;
  private final JournalWriter writer;
  private final Clock clock;

  public AgentMessageRepository(JdbcClient jdbc, JsonText json, JournalWriter writer, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.writer = writer;
    this.clock = clock;
  }

  /** Appends a model conversation message and waits until it is committed. */
  public void append(String taskId, String role, String content, List<Map<String, Object>> toolCalls) {
    append(taskId, role, content, toolCalls, AgentMessage.MODEL);
  }

  /** Appends a message and waits until it (and the task's journal before it) is committed. */
  public void append(String taskId, String role, String content, List<Map<String, Object>> toolCalls,
      String channel) {
    appendLater(taskId, role, content, toolCalls, channel);
    writer.flush(taskId);
  }

  /** Appends a message, committed with the journal writer's next transaction. */
  public void appendLater(String taskId, String role, String content, List<Map<String, Object>> toolCalls,
      String channel) {
    OffsetDateTime at = OffsetDateTime.now(clock);
    writer.submit(taskId, () -> {
      insert(taskId, role, content, toolCalls, channel, at);
      return null;
    });
  }

  private void insert(String taskId, String role, String content, List<Map<String, Object>> toolCalls,
      String channel, OffsetDateTime at) {
    int seq = writer.next("message", taskId, () -> jdbc.sql(
        "select coalesce(max(seq), 0) + 1 from agent_message where task_id = :t")
        .param("t", taskId).query(Integer.class).single());
    jdbc.sql("""
        insert into agent_message (task_id, seq, role, content, tool_calls, channel, created_at)
        values (:t, :seq, :role, :content, :calls, :channel, :at)""")
        .param("t", taskId).param("seq", seq).param("role", role).param("content", content)
        .param("calls", toolCalls == null || toolCalls.isEmpty() ? null : json.write(toolCalls)).param("at", at)
        .param("channel", channel).update();
  }

  public List<AgentMessage> forTask(String taskId) {
    return jdbc.sql("select * from agent_message where task_id = :t order by seq").param("t", taskId)
        .query(this::map).list();
  }

  private AgentMessage map(ResultSet rs, int row) throws SQLException {
    String calls = rs.getString("tool_calls");
    return new AgentMessage(rs.getString("task_id"), rs.getInt("seq"), rs.getString("role"), rs.getString("content"),
        calls == null ? List.of() : json.read(calls, CALLS), rs.getString("channel"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
