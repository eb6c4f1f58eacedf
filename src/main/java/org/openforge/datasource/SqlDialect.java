package org.openforge.datasource;

import java.util.Collections;

/**
 * How a source database spells SQL: identifier quoting, text and number casts, regular expressions, typed parameters,
 * arrays and sampling. Every statement Open Forge writes for a source (catalog, profiler, design checks, build
 * pipelines and APIs) goes through one of these; another database is another implementation, not another branch.
 */
public interface SqlDialect {

  SqlDialect POSTGRESQL = new PostgresSqlDialect();
  SqlDialect MARIADB = new MariaDbSqlDialect();

  /** The dialect of a source type; null for sources not read over SQL (CSV). */
  static SqlDialect of(SourceType type) {
    return switch (type) {
      case POSTGRESQL -> POSTGRESQL;
      case MYSQL, MARIADB -> MARIADB;
      case CSV -> null;
    };
  }

  /** The dialect of a source type's JSON word ({@code postgresql}, {@code mysql}, ...); null for CSV or unknown. */
  static SqlDialect of(String sourceType) {
    return SourceType.find(sourceType).map(SqlDialect::of).orElse(null);
  }

  String quote(String identifier);

  /** {@code "schema"."table"}, or the table alone. */
  default String qualified(String schema, String table) {
    return schema == null ? quote(table) : quote(schema) + "." + quote(table);
  }

  /** A column of the table aliased {@code alias}. */
  default String column(String alias, String column) {
    return alias + "." + quote(column);
  }

  /** The expression as text. */
  String text(String expression);

  /** The character length of the expression as text. */
  String length(String expression);

  /** A predicate true when the text expression matches the regular expression bound to one '?' (case-sensitive). */
  String matches(String textExpression);

  /** A predicate true when the expression, as text, does NOT match the regular expression bound to one '?'. */
  String notMatches(String expression);

  /**
   * A predicate true when the expression, as text, matches the regular expression bound to one '?' under the
   * column's own collation (case-insensitive on MariaDB's default collations) — what the profiler counts.
   */
  String matchesAsStored(String expression);

  /** The expression as an exact decimal number. */
  String number(String expression);

  /**
   * A text parameter cast to a column's normalized type ({@code integer}, {@code decimal}, {@code date}, ...), so
   * that values from a URL compare with the column.
   */
  String param(String normalizedType);

  /**
   * The expression converted to a LinkML type root ({@code integer}, {@code decimal}, {@code float}, {@code double},
   * {@code boolean}, {@code date}, {@code datetime}, {@code time}; anything else is text), as a transformation writes
   * it.
   */
  String convert(String expression, String typeRoot);

  /** The values selected by {@code select <values> <from>} as one array value. */
  String array(String values, String from);

  /** A FROM item reading about {@code fraction} of the rows of a table. */
  String sample(String table, double fraction);

  /** "?, ?, ?" for n values. */
  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
