package org.openforge.product;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.openforge.engagement.EngagementRepository;
import org.openforge.product.pipeline.PipelineRunStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code openforge_product_freshness_seconds}: one gauge per deployed product, the seconds since its last successful
 * publish (NaN before the first). The set of gauges follows the deployments: at start-up, after each deploy, rollback
 * or undeploy commits, and every minute (a deployment made on another node).
 */
@Component
public class ProductMetrics {

  static final String FRESHNESS = "openforge.product.freshness";

  private final MeterRegistry registry;
  private final ProductDeployments deployments;
  private final PipelineRunStore runs;
  private final EngagementRepository engagements;
  private final Clock clock;
  private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();

  public ProductMetrics(MeterRegistry registry, ProductDeployments deployments, PipelineRunStore runs,
      EngagementRepository engagements, Clock clock) {
    this.registry = registry;
    this.deployments = deployments;
    this.runs = runs;
    this.engagements = engagements;
    this.clock = clock;
  }

  /** Syncs now, or after the current transaction commits (a rolled-back deploy changes nothing). */
  public void syncAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          sync();
        }
      });
    } else {
      sync();
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  public synchronized void sync() {
    Set<String> active = Set.copyOf(deployments.activeEngagements());
    gauges.keySet().stream().filter(id -> !active.contains(id)).collect(Collectors.toSet())
        .forEach(id -> registry.remove(gauges.remove(id)));
    for (String id : active) {
      if (!gauges.containsKey(id)) {
        engagements.findById(id).ifPresent(e -> gauges.put(id, Gauge.builder(FRESHNESS, this, m -> m.age(id))
            .description("Seconds since the product's last successful publish").baseUnit("seconds")
            .tag("product", ProductNames.slug(e)).strongReference(true).register(registry)));
      }
    }
  }

  private double age(String engagementId) {
    return runs.lastSuccess(engagementId)
        .map(at -> (double) Duration.between(at, OffsetDateTime.now(clock)).toMillis() / 1000.0)
        .orElse(Double.NaN);
  }
}
