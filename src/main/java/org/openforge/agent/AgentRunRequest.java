package org.openforge.agent;

import org.openforge.process.Phase;

/**
 * One run of an agent, as its service task job asks for it.
 *
 * @param agentTaskId the API task to run; null for a phase agent, whose task record is found or made by run key
 * @param runKey what stays the same over the retries and tool approvals of one service task (its job's execution)
 * @param lastAttempt whether a technical failure of this run is final (no retry left)
 */
public record AgentRunRequest(String agentTaskId, String taskType, Phase phase, String engagementId,
    String processInstanceId, String runKey, boolean lastAttempt) {}
