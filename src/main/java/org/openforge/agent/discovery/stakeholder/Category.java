package org.openforge.agent.discovery.stakeholder;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of stake a stakeholder holds; it drives concerns, communication and sign-off roles. */
public enum Category {
  EXECUTIVE("executive"),
  MANAGEMENT("management"),
  BUSINESS_USER("business_user"),
  TECHNICAL("technical"),
  DATA_GOVERNANCE("data_governance"),
  COMPLIANCE("compliance"),
  EXTERNAL("external"),
  OTHER("other");

  private final String value;

  Category(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
