package org.openforge.agent.design.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.openforge.datasource.catalog.ColumnInfo;

/** SQL that PostgreSQL and DuckDB (the targets) both read: identifiers, portable types, period truncation. */
final class Sql {

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
      "both", "case", "cast", "check", "collate", "column", "constraint", "create", "current_date",
      "current_time", "current_timestamp", "current_user", "default", "desc", "distinct", "do", "else", "end",
      "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "intersect", "into",
      "lateral", "leading", "limit", "not", "null", "offset", "on", "only", "or", "order", "placing", "primary",
      "references", "returning", "select", "some", "table", "then", "to", "trailing", "true", "union", "unique",
      "user", "using", "variadic", "when", "where", "window", "with", "natural", "join", "left", "right", "full",
      "inner", "outer", "cross", "is", "like", "ilike", "between", "over", "partition", "range", "rows", "year",
      "month", "day", "hour", "minute", "second", "interval", "position", "value", "values");

  private Sql() {}

  static String id(String name) {
    return PLAIN.matcher(name).matches() && !RESERVED.contains(name) ? name : "\"" + name.replace("\"", "\"\"")
        + "\"";
  }

  static String col(String alias, String name) {
    return alias + "." + id(name);
  }

  /** The name a source column has from staging on: the ontology's snake_case form. */
  static String staged(String sourceColumn) {
    return name(org.openforge.ontology.infer.Naming.snake(sourceColumn));
  }

  /** {@code alias.column} of a source column as staging names it. */
  static String stagedCol(String alias, String sourceColumn) {
    return alias + "." + id(staged(sourceColumn));
  }

  /** The target type of a source column, in names both targets know. */
  static String type(ColumnInfo c) {
    return switch (c.normalizedType()) {
      case INTEGER -> "bigint";
      case DECIMAL -> c.precision() != null && c.precision() > 0 && c.precision() <= 38
          ? "decimal(" + c.precision() + "," + (c.scale() == null ? 0 : Math.min(c.scale(), c.precision())) + ")"
          : "decimal(38,10)";
      case FLOAT -> "float8";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case DATETIME -> "timestamp";
      case TIME -> "time";
      default -> "varchar";
    };
  }

  /**
   * The column cast to its target type. A CSV file's values are text whose type was only inferred, so there a
   * value that does not read as the type becomes null (the type checks count those) rather than failing the load;
   * the pattern test is written so PostgreSQL and DuckDB read it alike.
   */
  static String cast(ColumnInfo c, boolean textSource) {
    String type = type(c);
    String column = id(c.name());
    String pattern = switch (c.normalizedType()) {
      case INTEGER -> "^[+-]?[0-9]+$";
      case DECIMAL, FLOAT -> "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$";
      case DATE -> "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
      case DATETIME -> "^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?$";
      case BOOLEAN -> "^(true|false|t|f|yes|no|y|n|1|0)$";
      default -> null;
    };
    if (!textSource || pattern == null) {
      return "cast(" + column + " as " + type + ")";
    }
    String text = c.normalizedType() == org.openforge.datasource.catalog.NormalizedType.BOOLEAN
        ? "lower(trim(cast(" + column + " as varchar)))" : "trim(cast(" + column + " as varchar))";
    return "case when " + text + " ~ '" + pattern + "' then cast(" + text + " as " + type + ") end";
  }

  /** The first day of the period holding {@code expression}, as a date. */
  static String period(String grain, String expression) {
    return "cast(date_trunc('" + grain + "', cast(" + expression + " as timestamp)) as date)";
  }

  static String step(String grain) {
    return switch (grain) {
      case "quarter" -> "interval '3 months'";
      default -> "interval '1 " + grain + "'";
    };
  }

  static String name(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    s = s.isEmpty() ? "model" : s;
    if (Character.isDigit(s.charAt(0))) {
      s = "m_" + s;
    }
    return s.length() > 60 ? s.substring(0, 60).replaceAll("_+$", "") : s;
  }
}
