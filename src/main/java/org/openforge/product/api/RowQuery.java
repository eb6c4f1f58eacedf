package org.openforge.product.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.system.ApiException;
import org.openforge.system.FieldViolation;
import org.springframework.http.HttpStatus;

/**
 * A data API query, checked against the model's columns: paging, sort keys, and filters {@code col=v},
 * {@code col__gt|gte|lt|lte=v}, {@code col__in=a,b}. Only known columns and operators pass; every value is typed by
 * its column and later bound as a parameter, never spliced into SQL.
 */
public record RowQuery(int page, int pageSize, List<Sort> sort, List<Filter> filters) {

  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1000;
  private static final Map<String, String> OPERATORS = Map.of("", "=", "gt", ">", "gte", ">=", "lt", "<", "lte",
      "<=", "in", "in");

  public record Sort(ApiColumn column, boolean descending) {}

  /** {@code column operator value(s)}; for {@code in}, several values. */
  public record Filter(ApiColumn column, String operator, List<Object> values) {}

  public static RowQuery parse(Map<String, String> params, Map<String, ApiColumn> columns) {
    List<FieldViolation> errors = new ArrayList<>();
    int page = number(params.get("page"), 1, Integer.MAX_VALUE, 1, "page", errors);
    int pageSize = number(params.get("page_size"), 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, "page_size", errors);
    List<Sort> sort = new ArrayList<>();
    String sortParam = params.get("sort");
    if (sortParam != null && !sortParam.isBlank()) {
      for (String key : sortParam.split(",")) {
        String name = key.strip().startsWith("-") ? key.strip().substring(1) : key.strip();
        ApiColumn column = columns.get(name);
        if (column == null) {
          errors.add(new FieldViolation("sort", "unknown sort key '" + name + "'; the columns are "
              + String.join(", ", columns.keySet())));
        } else {
          sort.add(new Sort(column, key.strip().startsWith("-")));
        }
      }
    }
    List<Filter> filters = new ArrayList<>();
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (List.of("page", "page_size", "sort").contains(p.getKey())) {
        continue;
      }
      filter(p.getKey(), p.getValue(), columns, errors).ifPresent(filters::add);
    }
    if (!errors.isEmpty()) {
      String summary = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
          : errors.size() + " query parameters are invalid";
      throw new ApiException(HttpStatus.BAD_REQUEST, "bad_request", summary, errors);
    }
    return new RowQuery(page, pageSize, sort, filters);
  }

  private static java.util.Optional<Filter> filter(String key, String value, Map<String, ApiColumn> columns,
      List<FieldViolation> errors) {
    int split = key.lastIndexOf("__");
    String name = split < 0 ? key : key.substring(0, split);
    String op = split < 0 ? "" : key.substring(split + 2);
    ApiColumn column = columns.get(name);
    if (column == null) {
      errors.add(new FieldViolation(key, "unknown column '" + name + "'; the columns are "
          + String.join(", ", columns.keySet())));
      return java.util.Optional.empty();
    }
    if (!OPERATORS.containsKey(op)) {
      errors.add(new FieldViolation(key, "unknown operator '" + op + "'; use gt, gte, lt, lte or in"));
      return java.util.Optional.empty();
    }
    List<Object> values = new ArrayList<>();
    for (String v : op.equals("in") ? List.of(value.split(",", -1)) : List.of(value)) {
      try {
        values.add(column.parse(v));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldViolation(key, "'" + v + "' is not " + e.getMessage()));
      }
    }
    return java.util.Optional.of(new Filter(column, OPERATORS.get(op), values));
  }

  private static int number(String text, int min, int max, int fallback, String field, List<FieldViolation> errors) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(text.strip());
      if (n < min || n > max) {
        errors.add(new FieldViolation(field, "must be between " + min + " and " + max));
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add(new FieldViolation(field, "'" + text + "' is not a whole number"));
      return fallback;
    }
  }

  /** A stable text of the query, for the ETag. */
  public String canonical() {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("page", page);
    parts.put("page_size", pageSize);
    parts.put("sort", sort.stream().map(s -> (s.descending() ? "-" : "") + s.column().name()).toList());
    parts.put("filters", filters.stream().map(f -> f.column().name() + f.operator() + f.values()).sorted().toList());
    return parts.toString();
  }
}
