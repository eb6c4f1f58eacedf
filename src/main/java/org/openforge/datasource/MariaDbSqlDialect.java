package org.openforge.datasource;

/** MySQL and MariaDB: backquoted identifiers, {@code regexp} (binary for case), JSON arrays, random sampling. */
final class MariaDbSqlDialect implements SqlDialect {

  @Override
  public String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  public String text(String expression) {
    return "cast(" + expression + " as char)";
  }

  @Override
  public String length(String expression) {
    return "char_length(" + expression + ")";
  }

  @Override
  public String matches(String textExpression) {
    return "cast(" + textExpression + " as binary) regexp ?";
  }

  @Override
  public String notMatches(String expression) {
    return "cast(" + text(expression) + " as binary) not regexp ?";
  }

  @Override
  public String matchesAsStored(String expression) {
    return text(expression) + " regexp ?";
  }

  @Override
  public String number(String expression) {
    return "cast(" + expression + " as decimal(65,10))";
  }

  @Override
  public String param(String normalizedType) {
    return switch (normalizedType == null ? "string" : normalizedType) {
      case "integer", "boolean" -> "cast(? as signed)";
      case "decimal" -> "cast(? as decimal(38,10))";
      case "float" -> "cast(? as double)";
      case "date" -> "cast(? as date)";
      case "datetime" -> "cast(? as datetime)";
      case "time" -> "cast(? as time)";
      default -> "?";
    };
  }

  @Override
  public String convert(String expression, String typeRoot) {
    String target = switch (typeRoot) {
      case "integer" -> "SIGNED";
      case "decimal" -> "DECIMAL(38,10)";
      case "float", "double" -> "DOUBLE";
      case "boolean" -> null;
      case "date" -> "DATE";
      case "datetime" -> "DATETIME";
      case "time" -> "TIME";
      default -> "CHAR";
    };
    // no boolean type to cast to: a boolean is a number, true when not zero
    return target == null ? "(" + expression + " <> 0)" : "CAST(" + expression + " AS " + target + ")";
  }

  @Override
  public String array(String values, String from) {
    return "(SELECT JSON_ARRAYAGG(" + values + ")" + from + ")";
  }

  @Override
  public String sample(String table, double fraction) {
    return "(select * from " + table + " where rand() < " + Math.min(1.0, fraction) + ") s";
  }
}
