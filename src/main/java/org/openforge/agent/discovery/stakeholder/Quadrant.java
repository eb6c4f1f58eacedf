package org.openforge.agent.discovery.stakeholder;

import com.fasterxml.jackson.annotation.JsonValue;

/** The power/interest grid: influence and interest of 4 or more count as high. */
public enum Quadrant {
  MANAGE_CLOSELY("manage_closely", "Manage closely", "high", "engage fully: involve in decisions and every sign-off"),
  KEEP_SATISFIED("keep_satisfied", "Keep satisfied", "medium",
      "meet their needs with concise updates; consult before decisions that affect them"),
  KEEP_INFORMED("keep_informed", "Keep informed", "medium",
      "inform regularly and involve in demos and testing; their feedback shapes the product"),
  MONITOR("monitor", "Monitor", "low", "light-touch updates; watch for changes in their stake");

  public static final int HIGH = 4;

  private final String value;
  private final String label;
  private final String priority;
  private final String strategy;

  Quadrant(String value, String label, String priority, String strategy) {
    this.value = value;
    this.label = label;
    this.priority = priority;
    this.strategy = strategy;
  }

  public static Quadrant of(int influence, int interest) {
    if (influence >= HIGH) {
      return interest >= HIGH ? MANAGE_CLOSELY : KEEP_SATISFIED;
    }
    return interest >= HIGH ? KEEP_INFORMED : MONITOR;
  }

  @JsonValue
  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  /** high / medium / low */
  public String priority() {
    return priority;
  }

  public String strategy() {
    return strategy;
  }
}
