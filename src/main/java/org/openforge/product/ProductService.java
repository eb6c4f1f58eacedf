package org.openforge.product;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.OptionalInt;
import org.openforge.engagement.AuditTrail;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.engagement.EngagementService;
import org.openforge.product.pipeline.PipelinePlan;
import org.openforge.product.pipeline.PipelineProcess;
import org.openforge.product.pipeline.PipelineRunStore;
import org.openforge.product.pipeline.PipelineService;
import org.openforge.product.target.ProductTargets;
import org.openforge.product.target.Publisher;
import org.openforge.product.target.AnalyticalTarget;
import org.openforge.security.AppSessions;
import org.openforge.security.Caller;
import org.openforge.security.SignedLinks;
import org.openforge.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys a data product on the platform: makes the newest pipeline version's schedule run and serves the
 * published data through the data API and the dashboard at a version; rolls back to the previous version
 * (pipeline, models and data together) and undeploys. Each is in the audit trail.
 */
@Service
public class ProductService {

  private final ProductDeployments deployments;
  private final PipelineService pipelines;
  private final PipelineRunStore runs;
  private final ProductTargets targets;
  private final EngagementService engagements;
  private final EngagementRepository engagementRows;
  private final AppSessions sessions;
  private final AuditTrail audit;
  private final ProductMetrics metrics;
  private final FreshnessWatch watch;
  private final Clock clock;

  public ProductService(ProductDeployments deployments, PipelineService pipelines, PipelineRunStore runs,
      ProductTargets targets, EngagementService engagements, EngagementRepository engagementRows,
      AppSessions sessions, AuditTrail audit, ProductMetrics metrics, FreshnessWatch watch, Clock clock) {
    this.deployments = deployments;
    this.pipelines = pipelines;
    this.runs = runs;
    this.targets = targets;
    this.engagements = engagements;
    this.engagementRows = engagementRows;
    this.sessions = sessions;
    this.audit = audit;
    this.metrics = metrics;
    this.watch = watch;
    this.clock = clock;
  }

  /** Who deploys when the Deploy phase's sign-off does it (the approver's decision is in the approval record). */
  private static final Caller SIGN_OFF = new Caller(null, "deployment sign-off",
      org.openforge.security.Role.APPROVER);

  /** Makes the newest pipeline version and the published data live, as a new product version. */
  @Transactional
  public ProductView deploy(String engagementId, Caller caller) {
    Engagement e = locked(engagementId);
    int pipeline = runs.latestVersion(engagementId);
    if (pipeline == 0) {
      throw ApiException.conflict("the engagement has no pipeline yet: it is created in the Build phase");
    }
    int data = liveVersion(e).orElseThrow(() -> ApiException.conflict(
        "nothing is published yet: run the pipeline successfully first"));
    deployments.active(engagementId).ifPresent(d -> deployments.end(engagementId, d.version(),
        ProductDeployment.SUPERSEDED, now()));
    int version = deployments.latest(engagementId).map(d -> d.version() + 1).orElse(1);
    deployments.insert(new ProductDeployment(engagementId, version, pipeline, data, ProductDeployment.ACTIVE,
        caller.name(), now(), null));
    pipelines.schedule(engagementId, true);
    audit.record(engagementId, "product.deployed", caller.name(), Map.of("version", version,
        "pipeline_version", pipeline, "data_version", data));
    watch.start(engagementId);
    metrics.syncAfterCommit();
    return view(engagementId);
  }

  /** What the deployment sign-off did: the product version it put live, or why it put nothing live. */
  public record Publication(boolean published, Integer version, String reason) {}

  /**
   * After the Deploy phase's sign-off: puts the product live at a new version when the engagement has a pipeline
   * and published data; otherwise records in the audit trail why nothing was deployed (not an error: an
   * engagement may end with exports only).
   */
  @Transactional
  public Publication publishAfterSignOff(String engagementId) {
    Engagement e = locked(engagementId);
    String reason = runs.latestVersion(engagementId) == 0 ? "the engagement has no pipeline"
        : liveVersion(e).isEmpty() ? "no pipeline run has published data yet" : null;
    if (reason != null) {
      audit.record(engagementId, "product.not_deployed", SIGN_OFF.name(), Map.of("reason", reason));
      return new Publication(false, null, reason);
    }
    ProductView view = deploy(engagementId, SIGN_OFF);
    return new Publication(true, view.version(), "deployed after the deployment sign-off");
  }

  /** Returns to the previous deployed version: its data is published again and its pipeline redeployed. */
  @Transactional
  public ProductView rollback(String engagementId, Caller caller) {
    Engagement e = locked(engagementId);
    ProductDeployment current = deployments.active(engagementId)
        .orElseThrow(() -> ApiException.conflict("the product is not deployed"));
    ProductDeployment previous = deployments.all(engagementId).stream()
        .filter(d -> d.version() < current.version() && ProductDeployment.SUPERSEDED.equals(d.status()))
        .reduce((a, b) -> b).orElseThrow(() -> ApiException.conflict("there is no previous version to roll back to"));
    AnalyticalTarget target = targets.of(e);
    PipelinePlan plan = runs.plan(engagementId, previous.pipelineVersion()).orElseThrow();
    try (Connection c = target.open()) {
      if (!Publisher.versions(target, c).contains(previous.targetVersion())) {
        throw ApiException.conflict("the data of version " + previous.version() + " is no longer kept");
      }
      Publisher.publish(target, c, previous.targetVersion(), plan.relationNames());
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot publish version " + previous.version() + ": " + ex.getMessage(), ex);
    }
    int pipeline = pipelines.redeploy(e, previous.pipelineVersion());
    deployments.end(engagementId, current.version(), ProductDeployment.ROLLED_BACK, now());
    int version = current.version() + 1;
    deployments.insert(new ProductDeployment(engagementId, version, pipeline, previous.targetVersion(),
        ProductDeployment.ACTIVE, caller.name(), now(), null));
    pipelines.schedule(engagementId, true);
    audit.record(engagementId, "product.rolled_back", caller.name(), Map.of("from_version", current.version(),
        "to_version", previous.version(), "new_version", version));
    watch.start(engagementId);
    metrics.syncAfterCommit();
    return view(engagementId);
  }

  /** Stops the product: no schedule, no data API, no dashboard. The data stays in the target. */
  @Transactional
  public ProductView undeploy(String engagementId, Caller caller) {
    locked(engagementId);
    ProductDeployment current = deployments.active(engagementId)
        .orElseThrow(() -> ApiException.conflict("the product is not deployed"));
    deployments.end(engagementId, current.version(), ProductDeployment.UNDEPLOYED, now());
    pipelines.schedule(engagementId, false);
    audit.record(engagementId, "product.undeployed", caller.name(), Map.of("version", current.version()));
    watch.stop(engagementId, "undeployed");
    metrics.syncAfterCommit();
    return view(engagementId);
  }

  public ProductView view(String engagementId) {
    Engagement e = engagements.find(engagementId);
    String name = ProductNames.slug(e);
    var active = deployments.active(engagementId);
    String status = active.isPresent() ? "active" : deployments.latest(engagementId)
        .map(d -> ProductDeployment.UNDEPLOYED.equals(d.status()) ? "undeployed" : "not_deployed")
        .orElse("not_deployed");
    int pipelineVersion = runs.latestVersion(engagementId);
    String schedule = pipelineVersion == 0 ? null : runs.schedule(engagementId, pipelineVersion);
    ProductView.LastRun lastRun = runs.latestRun(engagementId).map(r -> new ProductView.LastRun(r.id(), r.status(),
        r.startedAt(), r.finishedAt())).orElse(null);
    AnalyticalTarget target = targets.of(e);
    ProductView.DataApi api = active.isEmpty() ? null
        : new ProductView.DataApi("/data/v1/" + name, "/data/v1/" + name + "/openapi.json");
    ProductView.Dashboard dashboard = null;
    if (active.isPresent()) {
      SignedLinks.Signed link = sessions.link(name);
      dashboard = new ProductView.Dashboard("/apps/" + name + "/?expires=" + link.expires() + "&sig="
          + link.signature(), OffsetDateTime.ofInstant(Instant.ofEpochSecond(link.expires()), clock.getZone()));
    }
    return new ProductView(name, status, active.map(ProductDeployment::version).orElse(null),
        new ProductView.Target(target.kind().value(), target.schema()),
        new ProductView.Pipeline(pipelineVersion == 0 ? null : PipelineProcess.key(name),
            pipelineVersion == 0 ? null : pipelineVersion, schedule, pipelines.scheduled(engagementId), lastRun),
        api, dashboard, watch.freshness(engagementId));
  }

  private OptionalInt liveVersion(Engagement e) {
    AnalyticalTarget target = targets.of(e);
    try (Connection c = target.open()) {
      return Publisher.liveVersion(target, c);
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot read the target: " + ex.getMessage(), ex);
    }
  }

  private Engagement locked(String engagementId) {
    Engagement e = engagements.find(engagementId);
    engagementRows.lock(engagementId);
    return e;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
