package org.openforge.engagement;

import java.time.OffsetDateTime;
import java.util.List;
import org.openforge.process.EngagementState;
import org.openforge.process.EngagementStatus;
import org.openforge.process.Phase;

/** An engagement as the API shows it, with its status and phase derived from the engine. */
public record EngagementView(String id, String name, String objective, String description, Priority priority,
    EngagementStatus status, Phase currentPhase, String statusReason, AgentConfig agentConfig,
    boolean requiresApproval, List<String> dataSourceIds, String processInstanceId, String createdBy,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  static EngagementView of(Engagement e, EngagementState state, List<String> dataSourceIds) {
    return new EngagementView(e.id(), e.name(), e.objective(), e.description(), e.priority(), state.status(),
        state.currentPhase(), state.reason(), e.agentConfig().withDefaults(), e.requiresApproval(), dataSourceIds,
        e.processInstanceId(), e.createdBy(), e.createdAt(), e.updatedAt());
  }
}
