package org.openforge.product.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a pipeline version runs: the source tables it loads, the models it builds from them (in layers, dbt-style,
 * each referring to tables and upstream models as {@code {{ ref('name') }}}), and the tests of each model. The
 * pipeline process is the same for every engagement; this plan is its data.
 */
public record PipelinePlan(@JsonProperty("schema_version") String schemaVersion, List<SourceTable> tables,
    List<Model> models, @JsonProperty("max_data_age") java.time.Duration maxDataAge) {

  public static final String SCHEMA_VERSION = "1";

  /** A plan without a freshness requirement: the SLA follows the schedule. */
  public PipelinePlan(String schemaVersion, List<SourceTable> tables, List<Model> models) {
    this(schemaVersion, tables, models, null);
  }

  /**
   * A source table loaded into the target table {@code name}: in full, or, with {@code incremental}, only the rows
   * past the previous version's high-water mark.
   */
  public record SourceTable(String name, @JsonProperty("source_id") String sourceId,
      @JsonProperty("source_table") String sourceTable, Incremental incremental) {

    public SourceTable(String name, String sourceId, String sourceTable) {
      this(name, sourceId, sourceTable, null);
    }
  }

  /**
   * How a table loads incrementally. {@code append}: {@code column} only grows (a serial key) and rows are never
   * changed, so new rows are those above the last version's maximum. {@code upsert}: {@code column} is an
   * updated-at time; rows changed since the last maximum replace the rows with the same {@code key}.
   */
  public record Incremental(String mode, String column, List<String> key) {

    public static final String APPEND = "append";
    public static final String UPSERT = "upsert";
  }

  /**
   * A model: a SELECT over tables and upstream models, built as a table of the run's version. {@code kind}:
   * staging, fact, dimension or aggregate (an analytical ask's answer); null in plans written before it was kept.
   */
  public record Model(String name, String layer, String kind, String sql, List<String> upstream,
      List<ModelTest> tests) {

    public boolean aggregate() {
      return "aggregate".equals(kind);
    }
  }

  /**
   * A test of a model: a SELECT returning the failing rows (none when the test passes), as dbt's data tests.
   */
  public record ModelTest(String name, String kind, @JsonProperty("failing_rows_sql") String failingRowsSql) {

    public static ModelTest notNull(String model, String column) {
      return new ModelTest("not_null(" + column + ")", "not_null",
          "select * from {{ ref('" + model + "') }} where " + column + " is null");
    }

    public static ModelTest unique(String model, String column) {
      return new ModelTest("unique(" + column + ")", "unique", "select " + column + ", count(*) as occurrences from "
          + "{{ ref('" + model + "') }} where " + column + " is not null group by " + column
          + " having count(*) > 1");
    }

    public static ModelTest relationships(String model, String column, String parent, String parentColumn) {
      return new ModelTest("relationships(" + column + " -> " + parent + "." + parentColumn + ")", "relationships",
          "select c.* from {{ ref('" + model + "') }} c left join {{ ref('" + parent + "') }} p on c." + column
              + " = p." + parentColumn + " where c." + column + " is not null and p." + parentColumn + " is null");
    }
  }

  /** The tables and models in the order they are built: tables first, then models after their upstream. */
  public List<String> relationNames() {
    List<String> names = new java.util.ArrayList<>(tables.stream().map(SourceTable::name).toList());
    names.addAll(ModelOrder.sorted(models).stream().map(Model::name).toList());
    return names;
  }
}
