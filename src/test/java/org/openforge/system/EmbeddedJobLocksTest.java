package org.openforge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.support.IntegrationTest;
import org.openforge.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A job lock left by a killed embedded platform is released at the next start; shared databases keep theirs. */
class EmbeddedJobLocksTest extends IntegrationTest {

  @Autowired
  private EmbeddedJobLocks locks;
  @Autowired
  private JdbcClient jdbc;

  @Test
  void locksLeftByAKilledEmbeddedRunAreReleasedAtStart() {
    String id = createEngagement(Map.of()).get("id").asText();
    String job = driver().jobs(id).get(0).getId();
    jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = 'crashed-node', LOCK_EXP_TIME_ = :until where ID_ = :id")
        .param("until", OffsetDateTime.now().plusMinutes(20)).param("id", job).update();
    locks.release();
    String owner = jdbc.sql("select LOCK_OWNER_ from ACT_RU_JOB where ID_ = :id").param("id", job)
        .query(String.class).optional().orElse(null);
    if (TestProfiles.isPostgres()) {
      assertThat(owner).as("a shared database may serve other nodes").isEqualTo("crashed-node");
      jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where ID_ = :id").param("id", job)
          .update();
    } else {
      assertThat(owner).isNull();
    }
    driver().runJobs(id);
    assertThat(status(id)).isEqualTo("in_progress");
  }
}
