package org.openforge.agent.build.integration;

import java.util.List;
import java.util.Map;

/**
 * What an endpoint runs against the source. For databases one SQL statement ({@code language} sql) whose
 * {@code parameters} name its placeholders in order, with optional equality {@code filters} (slot → predicate)
 * added with AND before the ORDER BY; for CSV files a scan ({@code language} csv_scan) of {@code file} with the
 * columns renamed to slots, filtered on {@code match} (that slot equals path parameter {@code param}), ordered by the
 * identifier and paged.
 * A related object in another source takes two {@code steps}.
 */
public record EndpointQuery(String language, String sourceId, String dialect, String statement,
    List<String> parameters, Map<String, String> filters, String className, String file, Map<String, String> columns,
    String match, String param, String orderBy, List<EndpointQuery> steps) {

  public static EndpointQuery sql(String sourceId, String dialect, String statement, List<String> parameters,
      Map<String, String> filters) {
    return new EndpointQuery("sql", sourceId, dialect, statement, List.copyOf(parameters),
        filters == null || filters.isEmpty() ? null
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters)), null,
        null, null, null, null, null, null);
  }

  public static EndpointQuery scan(String sourceId, String className, String file, Map<String, String> columns,
      String match, String param, String orderBy) {
    return new EndpointQuery("csv_scan", sourceId, null, null, null, null, className, file, columns, match, param,
        orderBy, null);
  }

  public static EndpointQuery chain(List<EndpointQuery> steps) {
    return new EndpointQuery("steps", null, null, null, null, null, null, null, null, null, null, null,
        List.copyOf(steps));
  }
}
