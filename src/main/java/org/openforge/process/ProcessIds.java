package org.openforge.process;

/** The BPMN/DMN identifiers the Java code relies on, kept in one place. */
public final class ProcessIds {

  private ProcessIds() {}

  // process definition keys
  /** Generated data-product pipelines ({@code pipeline-<slug>}): their user tasks are reviews, not approvals. */
  public static final String PIPELINE_PREFIX = "pipeline-";
  public static final String LIFECYCLE = "engagement-lifecycle";
  public static final String AGENT_TASK = "agent-task";
  /** One instance per deployed data product watching its freshness SLA; its user task is an alert, not an approval. */
  public static final String PRODUCT_FRESHNESS = "product-freshness";

  // decision keys
  public static final String APPROVAL_ROUTING = "approval-routing";

  // messages
  public static final String MESSAGE_EVIDENCE = "EvidenceArrived";

  // lifecycle elements
  public static final String USER_TASK_APPROVE_ENGAGEMENT = "UserTask_ApproveEngagement";
  public static final String END_EVENT_COMPLETED = "EndEvent_EngagementCompleted";
  public static final String END_EVENT_REJECTED = "EndEvent_EngagementRejected";

  // phase elements
  public static final String CATCH_EVENT_EVIDENCE = "IntermediateCatchEvent_EvidenceArrived";

  // agent-task elements
  public static final String SERVICE_TASK_RUN_AGENT = "ServiceTask_RunAgent";

  // process variables
  public static final String VAR_ENGAGEMENT_ID = "engagementId";
  public static final String VAR_REQUIRES_APPROVAL = "requiresApproval";
  public static final String VAR_AUTO_RUN = "autoRun";
  public static final String VAR_PHASE = "phase";
  public static final String VAR_TASK_TYPE = "taskType";
  public static final String VAR_AGENT_TASK_ID = "agentTaskId";
  public static final String VAR_DECISION = "decision";
  public static final String VAR_COMMENT = "comment";
  public static final String VAR_APPROVAL_TYPE = "approvalType";
  public static final String VAR_APPROVAL_ID = "approvalId";
  public static final String VAR_REVIEW_SUMMARY = "reviewSummary";
  public static final String VAR_GATE_READY = "gateReady";
  public static final String VAR_GATE_BLOCKERS = "gateBlockers";
  public static final String VAR_SIGN_OFF_ROUTE = "signOffRoute";
  public static final String VAR_SIGN_OFF_REASON = "signOffReason";

  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_REJECT = "reject";

  // candidate groups
  public static final String GROUP_APPROVERS = "approvers";
  public static final String GROUP_ADMINS = "admins";

  public static String gateDecisionKey(Phase phase) {
    return "gate-" + phase.value();
  }
}
