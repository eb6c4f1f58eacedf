package org.openforge.product.target;

import java.sql.Types;

/** The column types a target table is created with, read from the source's result set metadata. */
public enum ColumnType {
  BIGINT, DECIMAL, DOUBLE, BOOLEAN, DATE, TIMESTAMP, TEXT;

  public boolean numeric() {
    return this == BIGINT || this == DECIMAL || this == DOUBLE;
  }

  /** The type for a JDBC type code; anything without a faithful analytical type is kept as text. */
  public static ColumnType of(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> BIGINT;
      case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> DOUBLE;
      case Types.BIT, Types.BOOLEAN -> BOOLEAN;
      case Types.DATE -> DATE;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
      default -> TEXT;
    };
  }
}
