package org.openforge.agent.design.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One model of the graph, in layers as dbt users know them: {@code staging} (a source table renamed and cast),
 * {@code marts} facts, dimensions and one aggregate per metric requirement. {@code sql} is a SELECT valid on
 * PostgreSQL and DuckDB (the targets), naming source tables and upstream models as {@code {{ ref('name') }}}.
 *
 * @param kind {@code staging}, {@code fact}, {@code dimension} or {@code aggregate}
 * @param requirements ids of the metric requirements an aggregate answers
 */
public record DataModel(String name, String layer, String kind, String description, String sql,
    List<Column> columns, List<String> upstream, List<Test> tests, List<String> requirements) {

  /** A column with its target type and whether it may be null. */
  public record Column(String name, String type, boolean nullable, String description) {}

  /** A data test: a SELECT returning the failing rows (none when it passes), as dbt's data tests. */
  public record Test(String name, String kind, @JsonProperty("failing_rows_sql") String failingRowsSql) {}

  public static String ref(String name) {
    return "{{ ref('" + name + "') }}";
  }
}
