package org.openforge.engagement;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives each artifact name of an engagement its next version number, in a short transaction committed at once (its
 * own, or the agent journal's next one for a run's artifacts — {@link ShortTransactions}): the row of the name is
 * locked for a moment, not until the writer's run commits (which serialised every agent writing to one engagement).
 * Numbers increase and are never given twice; one whose artifact was rolled back (the run failed after writing it
 * and runs again) stays unused.
 */
@Component
public class ArtifactVersions {

  /** Runs a short piece of work in a transaction committed before it returns; {@code key}: whose work it is. */
  public interface ShortTransactions {
    int run(String key, java.util.function.IntSupplier work);
  }

  private final JdbcClient jdbc;
  private final ShortTransactions transactions;

  public ArtifactVersions(JdbcClient jdbc, PlatformTransactionManager txManager,
      org.springframework.beans.factory.ObjectProvider<ShortTransactions> shared) {
    this.jdbc = jdbc;
    TransactionTemplate own = new TransactionTemplate(txManager);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.transactions = shared.getIfAvailable(() -> (key, work) -> own.execute(status -> work.getAsInt()));
  }

  /** The next version of the name; {@code key}: who writes it (an agent task), for the transaction it is taken in. */
  public int next(String engagementId, String name, String key) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.run(key == null ? engagementId : key, () -> take(engagementId, name));
      } catch (DuplicateKeyException e) {
        // the name's first version was taken at the same moment: take the one after it
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  private int take(String engagementId, String name) {
    int updated = jdbc.sql("""
        update artifact_version set last_version = last_version + 1 where engagement_id = :e and name = :n""")
        .param("e", engagementId).param("n", name).update();
    if (updated == 0) {
      jdbc.sql("insert into artifact_version (engagement_id, name, last_version) values (:e, :n, 1)")
          .param("e", engagementId).param("n", name).update();
      return 1;
    }
    return jdbc.sql("select last_version from artifact_version where engagement_id = :e and name = :n")
        .param("e", engagementId).param("n", name).query(Integer.class).single();
  }
}
