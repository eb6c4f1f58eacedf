package org.openforge.datasource;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What an engagement's data sources prove for its gates: which are attached, which passed their last connection
 * test, and when the last test was.
 */
public record SourceEvidence(Set<String> attachedIds, Set<String> testedOkIds, OffsetDateTime lastTestedAt) {

  public int attached() {
    return attachedIds.size();
  }

  /** Attached sources whose last connection test succeeded. */
  public int connected() {
    return testedOkIds.size();
  }
}
