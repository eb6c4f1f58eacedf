package org.openforge.agent.build;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple SQL aggregate a pipeline computes per row: {@code FUNC(column)} or {@code FUNC(column) OVER (PARTITION BY
 * a, b)} with FUNC one of SUM, COUNT, AVG, MIN, MAX, the column possibly wrapped in a CAST. Evaluated in memory on
 * rows that took no SQL (CSV files), rewritten as a correlated subquery for an aggregation over a related table, and
 * translated to pandas for the generated Dagster project. Other logic stays SQL, pushed down to databases.
 */
public record Aggregate(String function, String column, List<String> partitionBy) {

  private static final Pattern FORM = Pattern.compile("(?i)^\\s*(sum|count|avg|min|max)\\s*\\(\\s*(?:cast\\s*\\(\\s*)?"
      + "(\\*|[a-z_][\\w.]*)(?:\\s+as\\s+[a-z][a-z ]*(?:\\(\\s*[0-9]+(?:\\s*,\\s*[0-9]+)?\\s*\\))?\\s*\\))?"
      + "\\s*\\)\\s*(?:over\\s*\\(\\s*(?:partition\\s+by\\s+([\\w.,\\s]+?))?\\s*\\)\\s*)?$");
  private static final Pattern IDENTIFIER = Pattern.compile("(?i)\\b([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)\\b"
      + "(\\s*\\()?");
  private static final Set<String> KEYWORDS = Set.of("over", "partition", "by", "order", "asc", "desc", "rows",
      "range", "between", "unbounded", "preceding", "following", "current", "row", "and", "or", "not", "null",
      "case", "when", "then", "else", "end", "as", "distinct", "is", "in", "cast", "numeric", "integer", "int",
      "bigint", "decimal", "text", "varchar", "char", "date", "timestamp", "interval", "true", "false", "like",
      "nulls", "first", "last", "filter", "where", "signed", "unsigned", "double", "precision", "real", "boolean");

  public Aggregate {
    partitionBy = List.copyOf(partitionBy);
  }

  /** The aggregate, when the logic has this simple form. */
  public static Optional<Aggregate> parse(String logic) {
    if (logic == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(logic);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> partition = m.group(3) == null ? List.of() : Arrays.stream(m.group(3).split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).map(Aggregate::unqualified).toList();
    return Optional.of(new Aggregate(m.group(1).toLowerCase(Locale.ROOT), unqualified(m.group(2)), partition));
  }

  /** The column names an SQL expression refers to (function names and key words left out), in order. */
  public static List<String> columnsOf(String logic) {
    Set<String> out = new LinkedHashSet<>();
    String withoutStrings = logic.replaceAll("'[^']*'", " ");
    Matcher m = IDENTIFIER.matcher(withoutStrings);
    while (m.find()) {
      String word = m.group(1);
      if (m.group(2) != null || KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
        continue;
      }
      out.add(unqualified(word));
    }
    return List.copyOf(out);
  }

  /** The columns the aggregate reads. */
  public List<String> columns() {
    List<String> cols = new ArrayList<>();
    if (!column.equals("*")) {
      cols.add(column);
    }
    partitionBy.stream().filter(c -> !cols.contains(c)).forEach(cols::add);
    return cols;
  }

  /** The value of the aggregate for each row (in row order); nulls are ignored as SQL ignores them. */
  public List<Object> evaluate(List<Map<String, Object>> rows) {
    Map<List<Object>, List<BigDecimal>> groups = new LinkedHashMap<>();
    Map<List<Object>, Long> counts = new LinkedHashMap<>();
    List<List<Object>> keys = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      List<Object> key = partitionBy.stream().map(row::get).toList();
      keys.add(key);
      groups.computeIfAbsent(key, k -> new ArrayList<>());
      counts.putIfAbsent(key, 0L);
      if (column.equals("*")) {
        counts.merge(key, 1L, Long::sum);
        continue;
      }
      Object v = row.get(column);
      if (v != null && !(v instanceof String s && s.isEmpty())) {
        counts.merge(key, 1L, Long::sum);
        ValueTypes.convert(v, "decimal").ifPresent(d -> groups.get(key).add((BigDecimal) d));
      }
    }
    Map<List<Object>, Object> results = new LinkedHashMap<>();
    for (List<Object> key : groups.keySet()) {
      results.put(key, result(groups.get(key), counts.get(key)));
    }
    return keys.stream().map(results::get).toList();
  }

  private Object result(List<BigDecimal> values, long count) {
    return switch (function) {
      case "count" -> count;
      case "sum" -> values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      case "avg" -> values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
          .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
      case "min" -> values.stream().min(BigDecimal::compareTo).orElse(null);
      case "max" -> values.stream().max(BigDecimal::compareTo).orElse(null);
      default -> throw new IllegalStateException("unknown aggregate " + function);
    };
  }

  /** The aggregate in pandas over DataFrame {@code df}. */
  public String pandas(String df) {
    String fn = function.equals("avg") ? "mean" : function;
    if (column.equals("*")) {
      return partitionBy.isEmpty() ? "len(" + df + ")"
          : df + ".groupby(" + pyList(partitionBy) + ", dropna=False)[" + df + ".columns[0]].transform(\"size\")";
    }
    String col = df + "[\"" + column + "\"]";
    String numeric = "pd.to_numeric(" + col + ", errors=\"coerce\")";
    if (partitionBy.isEmpty()) {
      return numeric + "." + fn + "()";
    }
    return numeric + ".groupby([" + String.join(", ", partitionBy.stream().map(p -> df + "[\"" + p + "\"]")
        .toList()) + "], dropna=False).transform(\"" + fn + "\")";
  }

  /**
   * The aggregate of a related table in pandas, per value of its single partition column: a Series indexed by that
   * column's values as text ({@code via} is the related DataFrame).
   */
  public String pandasByKey(String via) {
    String key = "as_text(" + via + "[\"" + partitionBy.get(0) + "\"])";
    if (column.equals("*")) {
      return via + ".groupby(" + key + ").size()";
    }
    String fn = function.equals("avg") ? "mean" : function;
    return "pd.to_numeric(" + via + "[\"" + column + "\"], errors=\"coerce\").groupby(" + key + ")." + fn + "()";
  }

  /** The aggregate in SQL over alias {@code v}: {@code SUM(v."amount")}, {@code count(*)}. */
  public String sql(java.util.function.UnaryOperator<String> quote) {
    return column.equals("*") ? "count(*)" : function + "(v." + quote.apply(column) + ")";
  }

  private static String pyList(List<String> names) {
    return "[" + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + "]";
  }

  private static String unqualified(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
