package org.openforge.product.target;

import java.util.Locale;

/** The kinds of analytical target: the embedded DuckDB file, or a PostgreSQL database. */
public enum TargetKind {
  DUCKDB, POSTGRESQL;

  /** Widest exact decimal DuckDB stores; wider source decimals become doubles there. */
  private static final int DUCKDB_MAX_DECIMAL = 38;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  public String qualified(String schema, String table) {
    return quote(schema) + "." + quote(table);
  }

  /** The column type as this target's DDL spells it. */
  public String typeName(LoadColumn column) {
    return switch (column.type()) {
      case BIGINT -> "bigint";
      case DOUBLE -> this == POSTGRESQL ? "double precision" : "double";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
      case TEXT -> this == POSTGRESQL ? "text" : "varchar";
      case DECIMAL -> decimal(column.precision(), column.scale());
    };
  }

  private String decimal(int precision, int scale) {
    boolean declared = precision > 0 && scale >= 0 && scale <= precision;
    if (this == POSTGRESQL) {
      return declared && precision <= 1000 ? "numeric(" + precision + "," + scale + ")" : "numeric";
    }
    return declared && precision <= DUCKDB_MAX_DECIMAL ? "decimal(" + precision + "," + scale + ")" : "double";
  }
}
