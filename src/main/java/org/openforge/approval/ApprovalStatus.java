package org.openforge.approval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openforge.system.ApiEnum;

public enum ApprovalStatus implements ApiEnum {
  PENDING("pending"),
  APPROVED("approved"),
  REJECTED("rejected"),
  /** The task ended without a decision: the phase was left by a forced transition or the engagement cancelled. */
  CANCELLED("cancelled");

  private final String value;

  ApprovalStatus(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @JsonCreator
  public static ApprovalStatus parse(String raw) {
    return ApiEnum.parse(ApprovalStatus.class, "status", raw);
  }
}
