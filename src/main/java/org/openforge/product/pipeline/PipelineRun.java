package org.openforge.product.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/** A pipeline run as the API shows it (DESIGN §9): its steps with rows and seconds, and its tests. */
public record PipelineRun(String id, @JsonProperty("engagement_id") String engagementId,
    @JsonProperty("pipeline_version") int pipelineVersion, @JsonProperty("target_version") int targetVersion,
    String status, String trigger, String error, @JsonProperty("started_at") OffsetDateTime startedAt,
    @JsonProperty("finished_at") OffsetDateTime finishedAt,
    @JsonProperty("process_instance_id") String processInstanceId, List<Step> steps, List<Test> tests) {

  public static final String RUNNING = "running";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String QUALITY_FAILED = "quality_failed";

  /** One step: a table loaded, a model built, the tests run, the publication. */
  public record Step(String name, String kind, @JsonProperty("rows_read") Long rowsRead,
      @JsonProperty("rows_written") Long rowsWritten, Double seconds, String status, String error) {}

  /** One test of a model with the number of rows that fail it. */
  public record Test(String model, String test, String status, @JsonProperty("failing_rows") long failingRows,
      List<Object> examples) {}

  public PipelineRun withDetails(List<Step> steps, List<Test> tests) {
    return new PipelineRun(id, engagementId, pipelineVersion, targetVersion, status, trigger, error, startedAt,
        finishedAt, processInstanceId, steps, tests);
  }
}
