package org.openforge.datasource.catalog;

import java.util.Locale;
import java.util.Set;

/**
 * Checks that SQL is one read statement (SELECT, WITH, VALUES, TABLE, SHOW, EXPLAIN, DESCRIBE): no second
 * statement after a semicolon, comments and quoted text taken into account. The read-only session is the real
 * guard; this check rejects obvious writes early with a clear message.
 */
final class ReadOnlySql {

  private static final Set<String> READS = Set.of("select", "with", "values", "table", "show", "explain", "describe",
      "desc");

  private ReadOnlySql() {}

  /** The statement without a trailing semicolon; throws IllegalArgumentException when it is not one read. */
  static String check(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("the SQL is empty");
    }
    StringBuilder code = new StringBuilder();
    int end = -1;
    int n = sql.length();
    for (int i = 0; i < n; i++) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
        code.append(' ');
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        if (close < 0) {
          throw new IllegalArgumentException("unterminated comment");
        }
        i = close + 1;
        code.append(' ');
      } else if (c == '\'' || c == '"' || c == '`') {
        int close = i + 1;
        while (close < n && (sql.charAt(close) != c || (close + 1 < n && sql.charAt(close + 1) == c && ++close > 0))) {
          close++;
        }
        if (close >= n) {
          throw new IllegalArgumentException("unterminated quoted text");
        }
        code.append(' ');
        i = close;
      } else if (c == ';') {
        if (!sql.substring(i + 1).isBlank() && !onlyComments(sql.substring(i + 1))) {
          throw new IllegalArgumentException("only one statement is allowed");
        }
        end = i;
        break;
      } else {
        code.append(c);
      }
    }
    String first = code.toString().strip().replaceFirst("^[(\\s]+", "").split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    if (!READS.contains(first)) {
      throw new IllegalArgumentException("only read statements are allowed (SELECT, WITH, VALUES, TABLE, SHOW, "
          + "EXPLAIN); got " + (first.isEmpty() ? "nothing" : first.toUpperCase(Locale.ROOT)));
    }
    String statement = end < 0 ? sql.strip() : sql.substring(0, end).strip();
    // the lexical reading above only finds the statement's end; the parser layer decides what it is
    AgentSqlGuard.check(statement);
    return statement;
  }

  private static boolean onlyComments(String rest) {
    String stripped = rest.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    return stripped.isBlank();
  }
}
