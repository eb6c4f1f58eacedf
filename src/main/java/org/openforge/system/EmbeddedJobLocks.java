package org.openforge.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The embedded default is one process on its own H2 file (H2 locks the file), so job locks found at start-up were
 * left by this platform's previous run — a crash or a kill. They are released at once, instead of waiting for them to
 * expire, so interrupted agent runs and phase starts resume right away. Other profiles may run several nodes on one
 * database and leave locks to expire.
 */
@Component
public class EmbeddedJobLocks {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedJobLocks.class);

  private final OpenForgeProperties properties;
  private final Database database;
  private final JdbcClient jdbc;

  public EmbeddedJobLocks(OpenForgeProperties properties, Database database, JdbcClient jdbc) {
    this.properties = properties;
    this.database = database;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(-200)
  public void release() {
    if (!properties.embedded() || !"H2".equalsIgnoreCase(database.product())) {
      return;
    }
    int released = jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null "
        + "where LOCK_OWNER_ is not null").update();
    if (released > 0) {
      log.info("Released {} job lock(s) left by the previous run", released);
    }
  }
}
