package org.openforge.ontology.generate;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL naming: snake_case names from LinkML names, identifiers quoted only when they must be (reserved word,
 * not a plain lower-case name), names kept within PostgreSQL's 63-byte limit, and string literals escaped.
 */
public final class SqlNames {

  private static final int MAX_BYTES = 63;
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
  /** PostgreSQL's reserved key words and those that cannot be a column, function or type name unquoted. */
  private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
      "asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char",
      "character", "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
      "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
      "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct", "do", "else",
      "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full",
      "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int",
      "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading", "least", "left",
      "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not",
      "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps",
      "overlay", "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row",
      "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "system_user",
      "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union",
      "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with",
      "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi",
      "xmlroot", "xmlserialize", "xmltable");

  private SqlNames() {}

  /** {@code FamilialRelationship} becomes {@code familial_relationship}, {@code "has employment history"} becomes
   * {@code has_employment_history}; at most 63 bytes. */
  public static String snakeCase(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
    String snake = spaced.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_]+", "_").replaceAll("_{2,}", "_")
        .replaceAll("^_+|_+$", "");
    return limit(snake.isEmpty() ? "x" : snake);
  }

  /** The name shortened to 63 bytes, with a hash of the whole name at the end when it had to be cut. */
  public static String limit(String name) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return name;
    }
    String hash = String.format("%08x", name.hashCode());
    StringBuilder head = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      String next = head.toString() + name.charAt(i);
      if (next.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES - hash.length() - 1) {
        break;
      }
      head.append(name.charAt(i));
    }
    return head + "_" + hash;
  }

  /** The identifier as SQL: bare when it is a plain lower-case non-reserved name, else double-quoted. */
  public static String quote(String identifier) {
    if (PLAIN.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
      return identifier;
    }
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** A string literal: single-quoted, quotes doubled (standard_conforming_strings, the default since 9.1). */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** Hands out names unique within one namespace, suffixing {@code _2}, {@code _3}... on a clash. */
  static final class Registry {
    private final Set<String> used = new HashSet<>();

    String claim(String wanted) {
      String name = wanted;
      for (int n = 2; !used.add(name); n++) {
        name = limit(wanted + "_" + n);
      }
      return name;
    }

    boolean contains(String name) {
      return used.contains(name);
    }
  }
}
