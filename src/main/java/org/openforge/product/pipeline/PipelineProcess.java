package org.openforge.product.pipeline;

/**
 * The ids of a generated pipeline process: the same for every pipeline, so the same delegate beans, forms and
 * tests serve them all. Only the process key, the message name and the schedule differ per engagement.
 */
public final class PipelineProcess {

  public static final String KEY_PREFIX = org.openforge.process.ProcessIds.PIPELINE_PREFIX;
  public static final String MESSAGE_PREFIX = "RunPipeline-";

  public static final String START_SCHEDULE = "StartEvent_Schedule";
  public static final String START_RUN_NOW = "StartEvent_RunNow";
  public static final String PREPARE = "ServiceTask_PrepareRun";
  public static final String EXTRACT_LOAD = "ServiceTask_ExtractLoad";
  public static final String BUILD_MODELS = "ServiceTask_BuildModels";
  public static final String TEST_MODELS = "ServiceTask_TestModels";
  public static final String TESTS_PASSED = "Gateway_TestsPassed";
  public static final String REVIEW = "UserTask_ReviewDataQuality";
  public static final String REVIEW_DECISION = "Gateway_ReviewDecision";
  public static final String PUBLISH = "ServiceTask_Publish";
  public static final String KEEP_PREVIOUS = "ServiceTask_KeepPrevious";
  public static final String END_PUBLISHED = "EndEvent_Published";
  public static final String END_PREVIOUS_KEPT = "EndEvent_PreviousKept";

  /** Process variables every pipeline run uses. */
  public static final String VAR_ENGAGEMENT_ID = "engagementId";
  public static final String VAR_TABLE = "table";
  public static final String VAR_QUALITY_FAILED = "qualityFailed";
  public static final String VAR_DECISION = "decision";
  /** Markdown of the failing tests, for the review form. */
  public static final String VAR_QUALITY_REPORT = "qualityReport";

  /** The retry cycle of every step that may fail for a technical reason, before it becomes an incident. */
  public static final String RETRY_CYCLE = "R3/PT1M";

  private PipelineProcess() {}

  public static String key(String slug) {
    return KEY_PREFIX + slug;
  }

  /** Message start names are unique across the engine: one per pipeline. */
  public static String runMessage(String slug) {
    return MESSAGE_PREFIX + slug;
  }
}
