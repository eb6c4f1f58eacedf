package org.openforge.lifecycle;

import org.openforge.process.Phase;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.openforge.system.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Gates passed by hand and the stored gate evaluations. */
@Repository
public class GateRepository {

  private static final TypeReference<List<GateEvaluation.Unmet>> UNMET = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonText json;

  public GateRepository(JdbcClient jdbc, JsonText json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insertPass(GatePass p) {
    jdbc.sql("""
        insert into gate_pass (id, engagement_id, gate_id, phase, validator, evidence, passed_by, created_at)
        values (:id, :e, :gate, :phase, :validator, :evidence, :by, :at)""")
        .param("id", p.id()).param("e", p.engagementId()).param("gate", p.gateId()).param("phase", p.phase())
        .param("validator", p.validator()).param("evidence", json.write(p.evidence())).param("by", p.passedBy())
        .param("at", p.createdAt())
        .update();
  }

  public List<GatePass> passes(String engagementId) {
    return jdbc.sql("select * from gate_pass where engagement_id = :e order by created_at, id")
        .param("e", engagementId).query(this::pass).list();
  }

  public void insertEvaluation(GateEvaluation g) {
    jdbc.sql("""
        insert into gate_evaluation (id, engagement_id, phase, origin, process_instance_id, inputs, unmet, ready,
          evaluated_at)
        values (:id, :e, :phase, :origin, :pid, :inputs, :unmet, :ready, :at)""")
        .param("id", g.id()).param("e", g.engagementId()).param("phase", g.phase().value())
        .param("origin", g.origin()).param("pid", g.processInstanceId()).param("inputs", json.write(g.inputs()))
        .param("unmet", json.write(g.unmet())).param("ready", g.ready()).param("at", g.evaluatedAt())
        .update();
  }

  public List<GateEvaluation> evaluations(String engagementId, int limit) {
    return jdbc.sql("select * from gate_evaluation where engagement_id = :e order by evaluated_at desc, id limit :l")
        .param("e", engagementId).param("l", limit).query(this::evaluation).list();
  }

  private GatePass pass(ResultSet rs, int row) throws SQLException {
    return new GatePass(rs.getString("id"), rs.getString("engagement_id"), rs.getString("gate_id"),
        rs.getString("phase"), rs.getString("validator"), json.map(rs.getString("evidence")),
        rs.getString("passed_by"), rs.getObject("created_at", OffsetDateTime.class));
  }

  private GateEvaluation evaluation(ResultSet rs, int row) throws SQLException {
    return new GateEvaluation(rs.getString("id"), rs.getString("engagement_id"), Phase.parse(rs.getString("phase")),
        rs.getString("origin"), rs.getString("process_instance_id"), json.map(rs.getString("inputs")),
        json.read(rs.getString("unmet"), UNMET), rs.getBoolean("ready"),
        rs.getObject("evaluated_at", OffsetDateTime.class));
  }
}
