package org.openforge.agent.build.pipeline;

import java.util.List;
import java.util.Map;
import org.openforge.agent.build.Binding;

/**
 * The executable pipeline spec (artifact kind {@code pipeline_spec}): sources, one pipeline per source, the extract
 * of every class, the transformations, the load into the target schema, the schedule, the data-quality checks with
 * their results on the real data, and the dry run.
 */
public record PipelineSpec(int schemaVersion, String specVersion, String name, Map<String, Object> engagement,
    Inputs inputs,
    Schedule schedule, List<Map<String, Object>> sources, List<Pipeline> pipelines, List<Extract> extract,
    List<TransformStep> transformations, List<ClassTransform> transform, Load load, List<QualityCheck> qualityChecks,
    DryRunReport dryRun, Summary summary, List<Binding.Unmapped> unmapped, List<String> warnings) {

  public static final int SCHEMA_VERSION = 1;

  /** What the spec was built from. */
  public record Inputs(Binding.ArtifactRef ontology, Binding.ArtifactRef transformationMapping, String bindingOrigin,
      Map<String, Object> freshnessRequirement) {}

  /**
   * @param source {@code input_data.schedule}, {@code requirements (max_data_age)} or {@code default}
   * @param longestGapMinutes the longest time between two runs
   * @param meetsFreshness whether runs come often enough for the freshness requirement (null without one)
   */
  public record Schedule(String cron, String timezone, String description, String source, long longestGapMinutes,
      Boolean meetsFreshness) {}

  /** How a class is read: the SELECT (databases) or the file and its columns (CSV). */
  public record Extract(String id, String className, String sourceId, String table, String method, String sql,
      List<ExtractField> fields) {}

  /** How a class's fields are produced from the extract. */
  public record ClassTransform(String className, List<Field> fields) {

    /** One target field: where it comes from and the type it is cast to. */
    public record Field(String target, String kind, String sourceColumn, String expression, String range,
        String baseType, boolean required, String origin) {}
  }

  /** The load target: a PostgreSQL schema generated from the ontology, upserted on identifiers. */
  public record Load(String target, String schema, String mode, List<Map<String, Object>> tables, String ddl) {}

  /** The bounded dry run. */
  public record DryRunReport(int rowLimit, int csvSampleRows, List<ClassRun> classes) {}

  public record Summary(int pipelineCount, int classCount, int checksTotal, int checksPassed, int checksFailed,
      int checksSkipped, int rowsRead, int rowsRejected) {}
}
