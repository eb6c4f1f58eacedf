package org.openforge.agent;

import java.util.function.IntSupplier;
import org.openforge.engagement.ArtifactVersions;
import org.springframework.stereotype.Component;

/**
 * Artifact version numbers of a run taken in the agent journal's next transaction — committed with the run's events
 * around them, instead of in one more commit of their own.
 */
@Component
public class JournalTransactions implements ArtifactVersions.ShortTransactions {

  private final JournalWriter writer;

  public JournalTransactions(JournalWriter writer) {
    this.writer = writer;
  }

  @Override
  public int run(String key, IntSupplier work) {
    return writer.call(key, work);
  }
}
