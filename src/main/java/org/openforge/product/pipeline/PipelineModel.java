package org.openforge.product.pipeline;

import static org.openforge.product.pipeline.PipelineProcess.*;

import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.builder.ProcessBuilder;
import org.operaton.bpm.model.bpmn.instance.Process;

/**
 * Generates the BPMN of an engagement's pipeline with the model API's fluent builder (which also lays out the
 * diagram, so Cockpit renders it): a timer start on the schedule and a message start to run now; prepare the run;
 * extract and load each source table (parallel multi-instance, asynchronous, retried); build the models; test
 * them; publish — or, when a test fails, a Tasklist review that publishes anyway or keeps the previous data. The
 * model holds no logic of its own: the delegates read the run's plan, which names the tables, models and tests.
 */
public final class PipelineModel {

  private PipelineModel() {}

  /**
   * @param slug the engagement's slug (process key {@code pipeline-<slug>})
   * @param engineCron the schedule as the engine's timer cycle (see {@link EngineCron})
   */
  public static BpmnModelInstance generate(String slug, String name, String engagementId, String engineCron) {
    ProcessBuilder process = Bpmn.createExecutableProcess(key(slug)).name("Pipeline: " + name)
        .operatonHistoryTimeToLive(30);
    // preparing only records the run: it runs in the transaction that started it, so "run now" answers its id
    BpmnModelInstance model = process.startEvent(START_SCHEDULE).name("On schedule").timerWithCycle(engineCron)
        .exclusiveGateway("Gateway_RunRequested").name("Run requested")
        .serviceTask(PREPARE).name("Prepare run").operatonDelegateExpression("${pipelinePrepareDelegate}")
        .operatonInputParameter(VAR_ENGAGEMENT_ID, engagementId)
        .serviceTask(EXTRACT_LOAD).name("Extract and load table").operatonDelegateExpression("${pipelineLoadDelegate}")
        .operatonAsyncBefore().operatonExclusive(false).operatonFailedJobRetryTimeCycle(RETRY_CYCLE)
        .multiInstance().parallel().operatonCollection("${pipelineTables.of(runId)}")
        .operatonElementVariable(VAR_TABLE).multiInstanceDone()
        .serviceTask(BUILD_MODELS).name("Build models").operatonDelegateExpression("${pipelineBuildDelegate}")
        .operatonAsyncBefore().operatonFailedJobRetryTimeCycle(RETRY_CYCLE)
        .serviceTask(TEST_MODELS).name("Test models").operatonDelegateExpression("${pipelineTestDelegate}")
        .operatonAsyncBefore().operatonFailedJobRetryTimeCycle(RETRY_CYCLE)
        .exclusiveGateway(TESTS_PASSED).name("All tests passed?")
          .condition("all tests passed", "${!" + VAR_QUALITY_FAILED + "}")
          .exclusiveGateway("Gateway_Publish").name("Publish")
          .serviceTask(PUBLISH).name("Publish").operatonDelegateExpression("${pipelinePublishDelegate}")
          .operatonAsyncBefore().operatonFailedJobRetryTimeCycle(RETRY_CYCLE)
          .endEvent(END_PUBLISHED).name("Published")
        .moveToNode(TESTS_PASSED)
          .userTask(REVIEW).name("Review data quality").operatonCandidateGroups("engineers,approvers,admins")
          .operatonFormRef("review-data-quality").operatonFormRefBinding("latest")
          .exclusiveGateway(REVIEW_DECISION).name("Publish anyway?")
            .condition("publish anyway", "${" + VAR_DECISION + " == 'publish'}")
            .connectTo("Gateway_Publish")
        .moveToNode(REVIEW_DECISION)
          .serviceTask(KEEP_PREVIOUS).name("Keep previous data")
          .operatonDelegateExpression("${pipelineKeepPreviousDelegate}")
          .operatonAsyncBefore().operatonFailedJobRetryTimeCycle(RETRY_CYCLE)
          .endEvent(END_PREVIOUS_KEPT).name("Previous data kept")
        .done();
    defaultFlow(model, TESTS_PASSED, REVIEW, "a test failed");
    defaultFlow(model, REVIEW_DECISION, KEEP_PREVIOUS, "keep previous data");
    Process p = model.getModelElementById(key(slug));
    p.builder().startEvent(START_RUN_NOW).name("Run now").message(runMessage(slug)).connectTo("Gateway_RunRequested");
    return model;
  }

  /** Names the gateway's flow to {@code target} and makes it the default (no condition). */
  private static void defaultFlow(BpmnModelInstance model, String gatewayId, String target, String name) {
    org.operaton.bpm.model.bpmn.instance.ExclusiveGateway gateway = model.getModelElementById(gatewayId);
    gateway.getOutgoing().stream().filter(f -> f.getTarget().getId().equals(target)).findFirst().ifPresent(f -> {
      f.setName(name);
      gateway.setDefault(f);
    });
  }
}
