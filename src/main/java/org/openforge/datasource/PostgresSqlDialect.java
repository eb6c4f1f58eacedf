package org.openforge.datasource;

/** PostgreSQL: double-quoted identifiers, {@code ~} regular expressions, native arrays, Bernoulli sampling. */
final class PostgresSqlDialect implements SqlDialect {

  @Override
  public String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  @Override
  public String text(String expression) {
    return "cast(" + expression + " as text)";
  }

  @Override
  public String length(String expression) {
    return "length(" + text(expression) + ")";
  }

  @Override
  public String matches(String textExpression) {
    return textExpression + " ~ ?";
  }

  @Override
  public String notMatches(String expression) {
    return text(expression) + " !~ ?";
  }

  @Override
  public String matchesAsStored(String expression) {
    return matches(text(expression));
  }

  @Override
  public String number(String expression) {
    return "cast(" + expression + " as numeric)";
  }

  @Override
  public String param(String normalizedType) {
    return switch (normalizedType == null ? "string" : normalizedType) {
      case "integer" -> "cast(? as bigint)";
      case "decimal" -> "cast(? as numeric)";
      case "float" -> "cast(? as double precision)";
      case "date" -> "cast(? as date)";
      case "datetime" -> "cast(? as timestamp)";
      case "time" -> "cast(? as time)";
      case "boolean" -> "cast(? as boolean)";
      case "uuid" -> "cast(? as uuid)";
      default -> "?";
    };
  }

  @Override
  public String convert(String expression, String typeRoot) {
    String target = switch (typeRoot) {
      case "integer" -> "BIGINT";
      case "decimal" -> "NUMERIC";
      case "float", "double" -> "DOUBLE PRECISION";
      case "boolean" -> "BOOLEAN";
      case "date" -> "DATE";
      case "datetime" -> "TIMESTAMPTZ";
      case "time" -> "TIME";
      default -> "TEXT";
    };
    return "CAST(" + expression + " AS " + target + ")";
  }

  @Override
  public String array(String values, String from) {
    return "ARRAY(SELECT " + values + from + ")";
  }

  @Override
  public String sample(String table, double fraction) {
    return table + " tablesample bernoulli (" + Math.min(100.0, Math.max(0.0001, fraction * 100)) + ")";
  }
}
