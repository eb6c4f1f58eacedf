package org.openforge.agent.build.ui;

import java.math.BigDecimal;
import java.util.List;

/**
 * The real data a component shows in the preview: a KPI's value, a chart's x values and series, a table's rows; the
 * query that produced it and its scope ({@code all rows} or the first rows of a file), or the error.
 */
public record ComponentData(String id, BigDecimal value, List<String> xs, List<Series> series, String grain,
    List<String> columns, List<List<Object>> rows, Long totalRows, String scope, List<String> queries, String error) {

  /** One line or set of bars: its group and a value per x (null where the group has none). */
  public record Series(String name, List<BigDecimal> values) {}

  public static ComponentData failed(String id, String error, List<String> queries) {
    return new ComponentData(id, null, null, null, null, null, null, null, null, queries, error);
  }
}
