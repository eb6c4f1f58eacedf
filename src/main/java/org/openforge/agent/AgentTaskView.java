package org.openforge.agent;

import java.time.OffsetDateTime;
import java.util.Map;

/** An agent task as the API shows it. */
public record AgentTaskView(String id, String engagementId, String taskType, String description,
    Map<String, Object> inputData, AgentTaskStatus status, String phase, String origin, String processInstanceId,
    int attempts, Integer maxIterations, Integer timeoutSeconds, Map<String, Object> result, String summary,
    Double confidence, String error, Usage usage, String createdBy, OffsetDateTime createdAt,
    OffsetDateTime startedAt, OffsetDateTime finishedAt) {

  /** Model usage of the task. */
  public record Usage(String provider, String model, long inputTokens, long outputTokens, int modelCalls) {}

  static AgentTaskView of(AgentTask t) {
    return new AgentTaskView(t.id(), t.engagementId(), t.taskType(), t.description(), t.inputData(), t.status(),
        t.phase(), t.origin(), t.processInstanceId(), t.attempts(), t.maxIterations(), t.timeoutSeconds(), t.result(),
        t.summary(), t.confidence(), t.error(), new Usage(t.modelProvider() == null ? "builtin" : t.modelProvider(),
            t.modelName(), t.inputTokens(), t.outputTokens(), t.modelCalls()), t.createdBy(), t.createdAt(),
        t.startedAt(), t.finishedAt());
  }
}
