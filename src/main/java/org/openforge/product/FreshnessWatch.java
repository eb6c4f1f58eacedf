package org.openforge.product;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openforge.agent.build.pipeline.Cron;
import org.openforge.engagement.EngagementRepository;
import org.openforge.engagement.EngagementService;
import org.openforge.process.ProcessIds;
import org.openforge.product.pipeline.PipelinePlan;
import org.openforge.product.pipeline.PipelineRun;
import org.openforge.product.pipeline.PipelineRunStore;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The freshness SLA of a deployed product: the schedule's longest gap between runs plus an hour for the run itself.
 * The engine watches it — one {@code product-freshness} instance per deployed product, started on deploy and deleted
 * on undeploy — and asks this service whether the product is stale.
 */
@Service
public class FreshnessWatch {

  public static final String INCIDENT_TYPE = "productStale";
  public static final String VAR_CHECK_EVERY = "checkEvery";
  public static final String VAR_PRODUCT = "product";

  private final RuntimeService runtime;
  private final PipelineRunStore runs;
  private final EngagementService engagements;
  private final EngagementRepository engagementRows;
  private final ProductDeployments deployments;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final String checkEvery;
  private final Map<String, Duration> gaps = new ConcurrentHashMap<>();

  public FreshnessWatch(RuntimeService runtime, PipelineRunStore runs, EngagementService engagements,
      EngagementRepository engagementRows, ProductDeployments deployments, TransactionTemplate transactions,
      Clock clock, @Value("${openforge.product.freshness-check-every:PT15M}") String checkEvery) {
    this.runtime = runtime;
    this.runs = runs;
    this.engagements = engagements;
    this.engagementRows = engagementRows;
    this.deployments = deployments;
    this.transactions = transactions;
    this.clock = clock;
    this.checkEvery = Duration.parse(checkEvery).toString();
  }

  /** What a check finds: the SLA view, the last run, and why the product is stale (null when it is not). */
  public record Check(ProductView.Freshness freshness, PipelineRun lastRun, String staleReason) {
    public boolean stale() {
      return staleReason != null;
    }
  }

  public Check check(String engagementId) {
    ProductView.Freshness freshness = freshness(engagementId);
    PipelineRun last = runs.latestRun(engagementId).orElse(null);
    String reason = null;
    if (last != null && PipelineRun.FAILED.equals(last.status())) {
      reason = "the last run failed";
    } else if (freshness.late()) {
      reason = freshness.lastSuccessAt() == null ? "no run has succeeded yet"
          : "no successful run within " + freshness.slaHours() + " hours";
    }
    return new Check(freshness, last, reason);
  }

  public ProductView.Freshness freshness(String engagementId) {
    OffsetDateTime last = runs.lastSuccess(engagementId).orElse(null);
    int version = runs.latestVersion(engagementId);
    if (version == 0) {
      return new ProductView.Freshness(null, last, false);
    }
    // the freshness requirement is the SLA; without one, the schedule's longest gap plus an hour
    Duration sla = runs.plan(engagementId, version).map(PipelinePlan::maxDataAge)
        .orElseGet(() -> sla(runs.schedule(engagementId, version)));
    boolean late = last == null || last.plus(sla).isBefore(OffsetDateTime.now(clock));
    return new ProductView.Freshness((long) Math.ceil(sla.toMinutes() / 60.0), last, late);
  }

  /** Starts watching the product unless it is watched already (a redeploy or rollback keeps the watch). */
  public void start(String engagementId) {
    if (instance(engagementId).isPresent()) {
      return;
    }
    runtime.startProcessInstanceByKey(ProcessIds.PRODUCT_FRESHNESS, engagementId, Map.of(
        ProcessIds.VAR_ENGAGEMENT_ID, engagementId,
        VAR_PRODUCT, ProductNames.slug(engagements.find(engagementId)),
        VAR_CHECK_EVERY, checkEvery));
  }

  /**
   * At start-up, watches every deployed product that has no watch (deployed before the watch existed, or its
   * instance deleted in Cockpit). The engagement's row lock keeps two nodes from starting two.
   */
  @EventListener(ApplicationReadyEvent.class)
  public int startMissing() {
    int started = 0;
    for (String engagementId : deployments.activeEngagements()) {
      Boolean fresh = transactions.execute(tx -> {
        engagementRows.lock(engagementId);
        if (instance(engagementId).isPresent()) {
          return false;
        }
        start(engagementId);
        return true;
      });
      started += Boolean.TRUE.equals(fresh) ? 1 : 0;
    }
    return started;
  }

  public void stop(String engagementId, String reason) {
    instance(engagementId).ifPresent(i -> runtime.deleteProcessInstance(i.getId(), reason, false, true));
  }

  public Optional<ProcessInstance> instance(String engagementId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessIds.PRODUCT_FRESHNESS)
        .processInstanceBusinessKey(engagementId).list().stream().findFirst();
  }

  private Duration sla(String schedule) {
    return gaps.computeIfAbsent(schedule, s -> Cron.parse(s).longestGap()).plusHours(1);
  }
}
