package org.openforge.engagement;

import java.time.OffsetDateTime;

/** An engagement as stored; its status and phase live in the engine (see EngagementState). */
public record Engagement(String id, String name, String objective, String description, Priority priority,
    AgentConfig agentConfig, boolean requiresApproval, String processInstanceId, String createdBy,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  public boolean submitted() {
    return processInstanceId != null;
  }
}
