package org.openforge.agent.build;

import java.util.Collections;

/** How PostgreSQL and MySQL/MariaDB spell what the build agents push down: quoting, text casts, regular expressions. */
public enum SqlDialect {
  POSTGRESQL('"'), MARIADB('`');

  private final char quote;

  SqlDialect(char quote) {
    this.quote = quote;
  }

  /** The dialect of an attached source type; null for CSV. */
  public static SqlDialect of(String sourceType) {
    return switch (sourceType) {
      case "postgresql" -> POSTGRESQL;
      case "mysql", "mariadb" -> MARIADB;
      default -> null;
    };
  }

  public String quote(String identifier) {
    String q = String.valueOf(quote);
    return q + identifier.replace(q, q + q) + q;
  }

  /** {@code "schema"."table"}, or the table alone. */
  public String table(String schema, String name) {
    return schema == null ? quote(name) : quote(schema) + "." + quote(name);
  }

  /** The expression as text. */
  public String text(String expression) {
    return this == POSTGRESQL ? "cast(" + expression + " as text)" : "cast(" + expression + " as char)";
  }

  /** A predicate true when the text of the expression does NOT match the regular expression bound to one '?'. */
  public String notMatches(String expression) {
    // "not regexp binary ?" rather than "binary x not regexp ?": the same match, in a form the SQL check parses
    return this == POSTGRESQL ? text(expression) + " !~ ?" : text(expression) + " not regexp binary ?";
  }

  /**
   * A text parameter cast to a column's normalized type ({@code integer}, {@code decimal}, {@code date}, ...), so
   * that values from a URL compare with the column in both dialects.
   */
  public String param(String normalizedType) {
    return switch (normalizedType == null ? "string" : normalizedType) {
      case "integer" -> this == POSTGRESQL ? "cast(? as bigint)" : "cast(? as signed)";
      case "decimal" -> this == POSTGRESQL ? "cast(? as numeric)" : "cast(? as decimal(38,10))";
      case "float" -> this == POSTGRESQL ? "cast(? as double precision)" : "cast(? as double)";
      case "date" -> "cast(? as date)";
      case "datetime" -> this == POSTGRESQL ? "cast(? as timestamp)" : "cast(? as datetime)";
      case "time" -> "cast(? as time)";
      case "boolean" -> this == POSTGRESQL ? "cast(? as boolean)" : "cast(? as signed)";
      case "uuid" -> this == POSTGRESQL ? "cast(? as uuid)" : "?";
      default -> "?";
    };
  }

  /** "?, ?, ?" for n values. */
  public static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

}
