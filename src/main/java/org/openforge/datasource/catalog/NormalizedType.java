package org.openforge.datasource.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** A column's type in the platform's vocabulary, whatever the source's native type. */
public enum NormalizedType {
  STRING, INTEGER, DECIMAL, FLOAT, BOOLEAN, DATE, DATETIME, TIME, BINARY, JSON, UUID, UNKNOWN;

  @JsonValue
  public String value() {
    return name().toLowerCase();
  }

  /** Types whose min/max the profiler reports. */
  public boolean ordered() {
    return this == STRING || this == INTEGER || this == DECIMAL || this == FLOAT || this == DATE || this == DATETIME
        || this == TIME;
  }

  public boolean numeric() {
    return this == INTEGER || this == DECIMAL || this == FLOAT;
  }
}
