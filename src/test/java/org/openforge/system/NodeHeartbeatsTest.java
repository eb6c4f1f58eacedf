package org.openforge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.openforge.support.IntegrationTest;
import org.operaton.bpm.engine.repository.Deployment;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that stopped beating for more than 30 s loses its job locks to the survivors (driven explicitly, no
 * sleeping); a node that beats keeps them.
 */
class NodeHeartbeatsTest extends IntegrationTest {

  @Autowired
  NodeHeartbeats heartbeats;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aDeadNodesLocksAreReleasedALiveNodesKept() {
    Deployment deployment = repository.createDeployment().addModelInstance("heartbeat-probe.bpmn",
        Bpmn.createExecutableProcess("heartbeat-probe").operatonHistoryTimeToLive(1).startEvent()
            .serviceTask().operatonAsyncBefore().operatonExpression("${true}").endEvent().done()).deploy();
    try {
      String dead = runtime.startProcessInstanceByKey("heartbeat-probe").getId();
      String alive = runtime.startProcessInstanceByKey("heartbeat-probe").getId();
      OffsetDateTime now = OffsetDateTime.now();
      beat("crashed-node", now.minusSeconds(45));
      beat("busy-node", now.minusSeconds(5));
      lock(dead, "crashed-node");
      lock(alive, "busy-node");

      assertThat(heartbeats.reap()).containsExactly("crashed-node");

      assertThat(owner(dead)).as("released: the job executor takes it again").isNull();
      assertThat(owner(alive)).isEqualTo("busy-node");
      assertThat(jdbc.sql("select count(*) from node_heartbeat where node_id = 'crashed-node'").query(Long.class)
          .single()).isZero();
      assertThat(jdbc.sql("select count(*) from node_heartbeat where node_id = :n").param("n", heartbeats.nodeId())
          .query(Long.class).single()).as("this node beats").isEqualTo(1);
    } finally {
      jdbc.sql("delete from node_heartbeat where node_id in ('crashed-node', 'busy-node')").update();
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aRestartedNodeReleasesItsOwnLocksAtStart() {
    Deployment deployment = repository.createDeployment().addModelInstance("heartbeat-restart.bpmn",
        Bpmn.createExecutableProcess("heartbeat-restart").operatonHistoryTimeToLive(1).startEvent()
            .serviceTask().operatonAsyncBefore().operatonExpression("${true}").endEvent().done()).deploy();
    try {
      String mine = runtime.startProcessInstanceByKey("heartbeat-restart").getId();
      String other = runtime.startProcessInstanceByKey("heartbeat-restart").getId();
      lock(mine, heartbeats.nodeId());
      lock(other, "another-live-node");

      assertThat(heartbeats.releaseOwnLocks()).isEqualTo(1);

      assertThat(owner(mine)).isNull();
      assertThat(owner(other)).as("another node's work is not ours to release").isEqualTo("another-live-node");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  private void beat(String node, OffsetDateTime at) {
    jdbc.sql("insert into node_heartbeat (node_id, started_at, beat_at) values (:n, :t, :t)").param("n", node)
        .param("t", at).update();
  }

  private void lock(String processInstanceId, String owner) {
    jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = :o, LOCK_EXP_TIME_ = :t where PROCESS_INSTANCE_ID_ = :p")
        .param("o", owner).param("t", java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(1200)))
        .param("p", processInstanceId).update();
  }

  private String owner(String processInstanceId) {
    return jdbc.sql("select LOCK_OWNER_ from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = :p").param("p", processInstanceId)
        .query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
  }
}
