package org.openforge.product.pipeline;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.engagement.EngagementService;
import org.openforge.product.ProductNames;
import org.openforge.system.ApiException;
import org.openforge.system.PageRequest;
import org.openforge.system.PageResponse;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.management.JobDefinition;
import org.operaton.bpm.engine.repository.Deployment;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An engagement's pipeline: deployed as its own versioned process ({@code pipeline-<slug>}) with the plan it runs,
 * its schedule suspended until the product is deployed; runs started now, listed and read.
 */
@Service
public class PipelineService {

  private static final String TIMER_START_JOB = "timer-start-event";

  private final PipelineRunStore runs;
  private final EngagementService engagements;
  private final EngagementRepository engagementRows;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final Clock clock;

  public PipelineService(PipelineRunStore runs, EngagementService engagements, EngagementRepository engagementRows,
      RepositoryService repository, RuntimeService runtime, ManagementService management, Clock clock) {
    this.runs = runs;
    this.engagements = engagements;
    this.engagementRows = engagementRows;
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.clock = clock;
  }

  /** Deploys a new version of the engagement's pipeline; its schedule stays off until the product is deployed. */
  @Transactional
  public int deploy(Engagement engagement, PipelinePlan plan, String cron) {
    String slug = ProductNames.slug(engagement);
    String key = PipelineProcess.key(slug);
    BpmnModelInstance model = PipelineModel.generate(slug, engagement.name(), engagement.id(), EngineCron.of(cron));
    Deployment deployment = repository.createDeployment().name(key).source("open-forge pipeline")
        .addModelInstance(key + ".bpmn", model).deploy();
    ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
        .singleResult();
    for (JobDefinition timer : management.createJobDefinitionQuery().processDefinitionId(definition.getId())
        .jobType(TIMER_START_JOB).list()) {
      management.suspendJobDefinitionById(timer.getId(), true);
    }
    int version = runs.latestVersion(engagement.id()) + 1;
    runs.insertDefinition(engagement.id(), version, key, definition.getId(), deployment.getId(), cron, plan,
        OffsetDateTime.now(clock));
    return version;
  }

  /**
   * Turns the schedule of the engagement's newest pipeline version on or off. The engine keeps a timer only for
   * the newest version of a process, so rolling back redeploys the older plan as a new version first.
   */
  @Transactional
  public void schedule(String engagementId, boolean on) {
    int version = runs.latestVersion(engagementId);
    if (version == 0) {
      return;
    }
    String definition = runs.processDefinitionId(engagementId, version);
    for (JobDefinition timer : management.createJobDefinitionQuery().processDefinitionId(definition)
        .jobType(TIMER_START_JOB).list()) {
      if (on) {
        management.activateJobDefinitionById(timer.getId(), true);
      } else {
        management.suspendJobDefinitionById(timer.getId(), true);
      }
    }
  }

  /** Whether the newest version's schedule is on. */
  public boolean scheduled(String engagementId) {
    int version = runs.latestVersion(engagementId);
    return version > 0 && management.createJobDefinitionQuery()
        .processDefinitionId(runs.processDefinitionId(engagementId, version)).jobType(TIMER_START_JOB).active()
        .count() > 0;
  }

  /** Deploys an earlier version's plan and schedule again, as the newest version; returns its number. */
  @Transactional
  public int redeploy(Engagement engagement, int version) {
    PipelinePlan plan = runs.plan(engagement.id(), version)
        .orElseThrow(() -> ApiException.conflict("pipeline version " + version + " does not exist"));
    return deploy(engagement, plan, runs.schedule(engagement.id(), version));
  }

  /** Starts a run now; 409 while another run of the engagement is running or when it has no pipeline yet. */
  @Transactional
  public PipelineRun runNow(String engagementId) {
    return runNow(engagementId, "api");
  }

  /** Starts a run now, saying what started it ({@code api}, {@code build}). */
  @Transactional
  public PipelineRun runNow(String engagementId, String trigger) {
    Engagement engagement = engagements.find(engagementId);
    engagementRows.lock(engagementId);
    if (runs.latestVersion(engagementId) == 0) {
      throw ApiException.conflict("the engagement has no pipeline yet: it is created in the Build phase");
    }
    for (PipelineRun open : runs.open(engagementId)) {
      boolean alive = runtime.createProcessInstanceQuery().processInstanceId(open.processInstanceId()).count() > 0;
      if (alive) {
        throw ApiException.conflict(PipelineRun.RUNNING.equals(open.status())
            ? "a pipeline run of this engagement is running: " + open.id()
            : "pipeline run " + open.id() + " failed and waits on an incident: retry it in Cockpit or delete its "
                + "process instance");
      }
      if (PipelineRun.RUNNING.equals(open.status())) {
        // deleted in Cockpit or the engine REST API mid-run: its version was never published
        runs.finishRun(open.id(), PipelineRun.FAILED, "the run's process instance was deleted",
            OffsetDateTime.now(clock));
      }
    }
    ProcessInstance instance = runtime.createMessageCorrelation(
            PipelineProcess.runMessage(ProductNames.slug(engagement)))
        .processInstanceBusinessKey(engagementId).setVariable("trigger", trigger).correlateStartMessage();
    return runs.byProcessInstance(instance.getId()).orElseThrow();
  }

  public PageResponse<PipelineRun> list(String engagementId, PageRequest page) {
    engagements.find(engagementId);
    return new PageResponse<>(runs.list(engagementId, page.offset(), page.pageSize()), page.page(),
        page.pageSize(), runs.count(engagementId));
  }

  public PipelineRun get(String engagementId, String runId) {
    engagements.find(engagementId);
    return runs.find(engagementId, runId).orElseThrow(() -> ApiException.notFound("pipeline run", runId));
  }
}
