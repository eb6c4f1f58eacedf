package org.openforge.agent.build;

import java.util.Locale;
import java.util.Set;
import org.openforge.ontology.generate.SqlNames;

/** Names derived from ontology names: snake_case, plurals for URL paths, PascalCase and camelCase, Python names. */
public final class Names {

  private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
      "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
      "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
      "while", "with", "yield", "match", "case", "type");

  private Names() {}

  /** {@code SalesOrder} → {@code sales_order}. */
  public static String snake(String name) {
    return SqlNames.snakeCase(name);
  }

  /** The plural of a snake_case noun: sale → sales, category → categories, address → addresses. */
  public static String plural(String snake) {
    if (snake.endsWith("ss") || snake.endsWith("x") || snake.endsWith("z") || snake.endsWith("ch")
        || snake.endsWith("sh")) {
      return snake + "es";
    }
    if (snake.endsWith("s")) {
      return snake;
    }
    if (snake.endsWith("y") && snake.length() > 1 && "aeiou".indexOf(snake.charAt(snake.length() - 2)) < 0) {
      return snake.substring(0, snake.length() - 1) + "ies";
    }
    return snake + "s";
  }

  /** The URL collection of a class: {@code Sale} → {@code sales}, {@code SalesOrder} → {@code sales_orders}. */
  public static String collection(String className) {
    return plural(snake(className));
  }

  /** {@code sale_date} → {@code SaleDate}. */
  public static String pascal(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : snake(name).split("_")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.length() == 0 ? "X" : (Character.isDigit(out.charAt(0)) ? "X" + out : out.toString());
  }

  /** {@code sale_date} → {@code saleDate}. */
  public static String camel(String name) {
    String p = pascal(name);
    return Character.toLowerCase(p.charAt(0)) + p.substring(1);
  }

  /** A valid Python identifier: snake_case, not a keyword, not starting with a digit. */
  public static String python(String name) {
    String s = snake(name);
    if (Character.isDigit(s.charAt(0))) {
      s = "_" + s;
    }
    return PYTHON_KEYWORDS.contains(s) ? s + "_" : s;
  }

  /** A DNS-1123 label (Kubernetes names): lower case, digits and '-', at most 63 characters. */
  public static String kubernetes(String name) {
    String s = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (s.isEmpty()) {
      s = "app";
    }
    if (!Character.isLetter(s.charAt(0))) {
      s = "app-" + s;
    }
    if (s.length() > 40) {
      s = s.substring(0, 40).replaceAll("-+$", "");
    }
    return s;
  }
}
