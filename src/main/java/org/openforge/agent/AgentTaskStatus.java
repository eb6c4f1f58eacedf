package org.openforge.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openforge.system.ApiEnum;

public enum AgentTaskStatus implements ApiEnum {
  /** Created or waiting for its (next) attempt. */
  PENDING("pending"),
  RUNNING("running"),
  /** Paused on a tool-execution approval. */
  WAITING_APPROVAL("waiting_approval"),
  COMPLETED("completed"),
  /** Out of retries (an incident in Cockpit) or declined: nothing to work on. */
  FAILED("failed"),
  CANCELLED("cancelled");

  private final String value;

  AgentTaskStatus(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  public boolean terminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  @JsonCreator
  public static AgentTaskStatus parse(String raw) {
    return ApiEnum.parse(AgentTaskStatus.class, "status", raw);
  }
}
