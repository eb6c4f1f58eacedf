package org.openforge.agent.design;

import org.openforge.ontology.infer.SourceTable;

/** The SQL of the validation queries for PostgreSQL and MySQL/MariaDB sources. */
enum SqlDialect {
  POSTGRES, MARIADB;

  static SqlDialect of(String sourceType) {
    return "mysql".equals(sourceType) || "mariadb".equals(sourceType) ? MARIADB : POSTGRES;
  }

  String quote(String identifier) {
    return this == POSTGRES ? "\"" + identifier.replace("\"", "\"\"") + "\""
        : "`" + identifier.replace("`", "``") + "`";
  }

  String table(SourceTable t) {
    String schema = t.table().schema();
    return (schema == null ? "" : quote(schema) + ".") + quote(t.name());
  }

  /** A column of alias {@code alias}. */
  String column(String alias, String column) {
    return alias + "." + quote(column);
  }

  String text(String expression) {
    return this == POSTGRES ? "cast(" + expression + " as text)" : "cast(" + expression + " as char)";
  }

  /** Whether a text expression matches the regular expression bound to the next parameter (case-sensitive). */
  String matches(String textExpression) {
    // "regexp binary ?" rather than "binary x regexp ?": the same case-sensitive match, in a form the SQL check parses
    return this == POSTGRES ? textExpression + " ~ ?" : textExpression + " regexp binary ?";
  }

  String number(String expression) {
    return this == POSTGRES ? "cast(" + expression + " as numeric)" : "cast(" + expression + " as decimal(65,10))";
  }

  /** The next parameter (bound as text) as a number. */
  String numberParameter() {
    return number("?");
  }
}
