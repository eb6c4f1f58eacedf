package org.openforge.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openforge.system.ApiEnum;

/** API roles, each including the ones before it: viewer &lt; engineer &lt; approver &lt; admin. */
public enum Role implements ApiEnum {
  VIEWER("viewer"),
  ENGINEER("engineer"),
  APPROVER("approver"),
  ADMIN("admin");

  private final String value;

  Role(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  public boolean includes(Role other) {
    return ordinal() >= other.ordinal();
  }

  @JsonCreator
  public static Role parse(String raw) {
    return ApiEnum.parse(Role.class, "role", raw);
  }
}
