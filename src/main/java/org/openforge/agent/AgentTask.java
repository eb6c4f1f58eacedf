package org.openforge.agent;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One run of an agent for an engagement, started by its phase ({@code origin = phase}) or through the API
 * ({@code origin = api}), with its outcome and model usage.
 */
public record AgentTask(String id, String engagementId, String taskType, String description,
    Map<String, Object> inputData, AgentTaskStatus status, String phase, String origin, String processInstanceId,
    String executionId, int attempts, Integer maxIterations, Integer timeoutSeconds, Map<String, Object> result,
    String summary, Double confidence, String error, String modelProvider, String modelName, long inputTokens,
    long outputTokens, int modelCalls, String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {

  public static final String ORIGIN_PHASE = "phase";
  public static final String ORIGIN_API = "api";
}
