package org.openforge.agent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code POST /agents/tasks}. */
public record CreateAgentTaskRequest(
    @NotBlank String engagementId,
    @NotBlank String taskType,
    @Size(max = 10000) String description,
    Map<String, Object> inputData,
    @Min(1) @Max(100) Integer maxIterations,
    @Min(1) @Max(86400) Integer timeoutSeconds) {}
