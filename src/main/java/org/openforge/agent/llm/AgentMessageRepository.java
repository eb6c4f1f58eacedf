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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The conversation of each run, appended as it happens (each message committed at once). */
@Repository
public class AgentMessageRepository {

  private static final TypeReference<List<Map<String, Object>>> CALLS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonText json;
  private final TransactionTemplate newTransaction;
  private final Clock clock;

  public AgentMessageRepository(JdbcClient jdbc, JsonText json, PlatformTransactionManager txManager, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  public AgentMessage append(String taskId, String role, String content, List<Map<String, Object>> toolCalls) {
    return append(taskId, role, content, toolCalls, AgentMessage.MODEL);
  }

  public AgentMessage append(String taskId, String role, String content, List<Map<String, Object>> toolCalls,
      String channel) {
    OffsetDateTime at = OffsetDateTime.now(clock);
    return newTransaction.execute(status -> {
      int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from agent_message where task_id = :t")
          .param("t", taskId).query(Integer.class).single();
      jdbc.sql("""
          insert into agent_message (task_id, seq, role, content, tool_calls, channel, created_at)
          values (:t, :seq, :role, :content, :calls, :channel, :at)""")
          .param("t", taskId).param("seq", seq).param("role", role).param("content", content)
          .param("calls", toolCalls == null || toolCalls.isEmpty() ? null : json.write(toolCalls)).param("at", at)
          .param("channel", channel).update();
      return new AgentMessage(taskId, seq, role, content, toolCalls == null ? List.of() : toolCalls, channel, at);
    });
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
