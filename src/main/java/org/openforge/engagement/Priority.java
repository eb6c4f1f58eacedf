package org.openforge.engagement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openforge.system.ApiEnum;

public enum Priority implements ApiEnum {
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high"),
  CRITICAL("critical");

  private final String value;

  Priority(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @JsonCreator
  public static Priority parse(String raw) {
    return ApiEnum.parse(Priority.class, "priority", raw);
  }
}
