package org.openforge.lifecycle;

import org.openforge.engagement.EvidenceArrived;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wakes the phase gate when evidence published by a package below the lifecycle has been committed. It runs in a
 * transaction of its own: after commit the publisher's transaction can no longer write.
 */
@Component
class EvidenceWakeUp {

  private final EvidenceNotifier notifier;

  EvidenceWakeUp(EvidenceNotifier notifier) {
    this.notifier = notifier;
  }

  @TransactionalEventListener(fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(EvidenceArrived event) {
    notifier.notifyEvidence(event.engagementId());
  }
}
