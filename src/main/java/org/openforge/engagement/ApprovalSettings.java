package org.openforge.engagement;

import java.util.List;
import org.openforge.process.ApprovalType;

/**
 * Which approvals go to a person: phase transitions, schema changes, data access, deployments, and the tool names
 * whose calls pause an agent. Missing values take the defaults of {@link #DEFAULTS}.
 */
public record ApprovalSettings(Boolean phaseTransitions, Boolean schemaChanges, Boolean dataAccess,
    Boolean deployments, List<String> toolExecutions) {

  public static final ApprovalSettings DEFAULTS = new ApprovalSettings(true, true, false, true, List.of());

  public ApprovalSettings withDefaults() {
    return new ApprovalSettings(
        phaseTransitions == null ? DEFAULTS.phaseTransitions : phaseTransitions,
        schemaChanges == null ? DEFAULTS.schemaChanges : schemaChanges,
        dataAccess == null ? DEFAULTS.dataAccess : dataAccess,
        deployments == null ? DEFAULTS.deployments : deployments,
        toolExecutions == null ? List.of() : List.copyOf(toolExecutions));
  }

  /** Whether the settings ask a person to review approvals of this type (tool calls: see {@link #toolNeedsApproval}). */
  public boolean humanReview(ApprovalType type) {
    ApprovalSettings s = withDefaults();
    return switch (type) {
      case ENGAGEMENT -> true;
      case PHASE_TRANSITION -> s.phaseTransitions;
      case SCHEMA_CHANGE -> s.schemaChanges;
      case DATA_ACCESS -> s.dataAccess;
      case DEPLOYMENT -> s.deployments;
      case TOOL_EXECUTION -> !s.toolExecutions.isEmpty();
    };
  }

  public boolean toolNeedsApproval(String tool) {
    return toolExecutions != null && toolExecutions.contains(tool);
  }
}
