package org.openforge.process;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openforge.process.Phase;
import org.openforge.system.ApiEnum;

/** What an approval is about. */
public enum ApprovalType implements ApiEnum {
  ENGAGEMENT("engagement"),
  PHASE_TRANSITION("phase_transition"),
  SCHEMA_CHANGE("schema_change"),
  DEPLOYMENT("deployment"),
  TOOL_EXECUTION("tool_execution"),
  DATA_ACCESS("data_access");

  private final String value;

  ApprovalType(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @JsonCreator
  public static ApprovalType parse(String raw) {
    return ApiEnum.parse(ApprovalType.class, "type", raw);
  }

  /** The title of a phase's sign-off (a deployment approval for Deploy), human or automatic alike. */
  public static String signOffTitle(ApprovalType type, Phase phase, String engagementName) {
    return (type == DEPLOYMENT ? "Approve deployment: " : "Sign off " + phase.label() + ": ") + engagementName;
  }
}
