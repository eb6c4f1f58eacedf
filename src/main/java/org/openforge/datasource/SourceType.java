package org.openforge.datasource;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openforge.system.ApiEnum;

/** The kinds of data source Open Forge connects to; {@code mysql} and {@code mariadb} share the MariaDB driver. */
public enum SourceType implements ApiEnum {
  POSTGRESQL("postgresql"),
  MYSQL("mysql"),
  MARIADB("mariadb"),
  CSV("csv");

  private final String value;

  SourceType(String value) {
    this.value = value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  /** True for the types read over JDBC. */
  public boolean isJdbc() {
    return this != CSV;
  }

  /** The type with this JSON word, if any. */
  public static java.util.Optional<SourceType> find(String raw) {
    return java.util.Arrays.stream(values()).filter(t -> t.value.equals(raw)).findFirst();
  }

  @JsonCreator
  public static SourceType parse(String raw) {
    return ApiEnum.parse(SourceType.class, "source_type", raw);
  }
}
