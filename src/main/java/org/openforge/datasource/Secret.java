package org.openforge.datasource;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A credential held in memory: {@link #toString()} and its JSON form are always {@code ***} (null when absent), so a
 * record that holds one can be logged or serialised without leaking it. Only {@link #reveal()} gives the value.
 */
public final class Secret {

  private static final Secret NONE = new Secret(null);
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** A secret, or {@link #none()} for null or empty values. */
  public static Secret of(String value) {
    return value == null || value.isEmpty() ? NONE : new Secret(value);
  }

  /** No secret (e.g. trust authentication). */
  public static Secret none() {
    return NONE;
  }

  /** The clear value, for the driver only; null when absent. */
  public String reveal() {
    return value;
  }

  /** Whether a value is set. */
  public boolean isPresent() {
    return value != null;
  }

  /** {@code ***} when present, null when absent. */
  @JsonValue
  public String masked() {
    return value == null ? null : "***";
  }

  @Override
  public String toString() {
    return value == null ? "<none>" : "***";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && java.util.Objects.equals(value, s.value);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(value);
  }
}
