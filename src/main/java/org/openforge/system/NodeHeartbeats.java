package org.openforge.system;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nodes sharing one database beat every 10 s under their job executor's lock owner. A node whose beat is older than
 * 30 s is dead: a surviving node releases the job locks it held (they would otherwise hold its agent runs for the
 * lock time, 20 minutes) and forgets it, so the work resumes on the survivors within a minute. Runs stay
 * at-least-once; their results are idempotent.
 */
@Component
public class NodeHeartbeats {

  public static final Duration STALE = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(NodeHeartbeats.class);

  private final JdbcClient jdbc;
  private final ProcessEngineConfigurationImpl engine;
  private final Clock clock;

  public NodeHeartbeats(JdbcClient jdbc, ProcessEngineConfigurationImpl engine, Clock clock) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.clock = clock;
  }

  /** This node's id: the lock owner its job executor writes on the jobs it takes. */
  public String nodeId() {
    return engine.getJobExecutor().getLockOwner();
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(-100)
  @Transactional
  public void start() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("delete from node_heartbeat where node_id = :n").param("n", nodeId()).update();
    jdbc.sql("insert into node_heartbeat (node_id, started_at, beat_at) values (:n, :t, :t)").param("n", nodeId())
        .param("t", now).update();
  }

  /**
   * A node starting under a name it had before (openforge.cluster.node-id) crashed or was killed with jobs locked:
   * they are released before its job executor starts (at application ready), on every profile.
   */
  @EventListener(ApplicationStartedEvent.class)
  @Order(-90)
  public int releaseOwnLocks() {
    int released = jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ = :n")
        .param("n", nodeId()).update();
    if (released > 0) {
      log.info("node {} restarted; released {} job lock(s) of its previous run", nodeId(), released);
    }
    return released;
  }

  @Scheduled(fixedDelayString = "${openforge.cluster.heartbeat-millis:10000}",
      initialDelayString = "${openforge.cluster.heartbeat-millis:10000}")
  public void beat() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (jdbc.sql("update node_heartbeat set beat_at = :t where node_id = :n").param("t", now)
        .param("n", nodeId()).update() == 0) {
      start();
    }
    reap();
  }

  /** Releases the job locks of nodes whose beat is stale; returns those nodes. */
  @Transactional
  public List<String> reap() {
    OffsetDateTime limit = OffsetDateTime.now(clock).minus(STALE);
    List<String> dead = jdbc.sql("select node_id from node_heartbeat where beat_at < :limit and node_id <> :me")
        .param("limit", limit).param("me", nodeId()).query(String.class).list();
    for (String node : dead) {
      int released = jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null "
          + "where LOCK_OWNER_ = :n").param("n", node).update();
      jdbc.sql("delete from node_heartbeat where node_id = :n").param("n", node).update();
      log.warn("node {} stopped beating; released {} job lock(s) it held", node, released);
    }
    return dead;
  }
}
