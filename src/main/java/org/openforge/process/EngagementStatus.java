package org.openforge.process;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openforge.system.ApiEnum;

/** An engagement's status, always derived from the engine (DESIGN §4). */
public enum EngagementStatus implements ApiEnum {
  DRAFT("draft"),
  PENDING_APPROVAL("pending_approval"),
  APPROVED("approved"),
  IN_PROGRESS("in_progress"),
  PAUSED("paused"),
  COMPLETED("completed"),
  CANCELLED("cancelled"),
  FAILED("failed");

  private final String value;

  EngagementStatus(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  public boolean active() {
    return this == PENDING_APPROVAL || this == APPROVED || this == IN_PROGRESS || this == PAUSED;
  }

  @JsonCreator
  public static EngagementStatus parse(String raw) {
    return ApiEnum.parse(EngagementStatus.class, "status", raw);
  }
}
