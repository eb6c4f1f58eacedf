package org.openforge.product.pipeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openforge.security.RequiresRole;
import org.openforge.security.Role;
import org.openforge.system.PageRequest;
import org.openforge.system.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/engagements/{id}/pipeline-runs")
@Tag(name = "Pipelines", description = "Runs of an engagement's pipeline: loads, models, tests, publication")
public class PipelineRunController {

  private final PipelineService pipelines;

  public PipelineRunController(PipelineService pipelines) {
    this.pipelines = pipelines;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.ENGINEER)
  @Operation(summary = "Run the pipeline now",
      description = "Starts a run of the engagement's pipeline process (message start). 409 while a run is running "
          + "or before the Build phase created the pipeline. The run continues in the engine; poll it.")
  public PipelineRun runNow(@PathVariable String id) {
    return pipelines.runNow(id);
  }

  @GetMapping
  @Operation(summary = "Pipeline runs", description = "Newest first, with steps and tests.")
  public PageResponse<PipelineRun> list(@PathVariable String id, @RequestParam(required = false) Integer page,
      @RequestParam(name = "page_size", required = false) Integer pageSize) {
    return pipelines.list(id, PageRequest.of(page, pageSize));
  }

  @GetMapping("/{runId}")
  @Operation(summary = "A pipeline run", description = "Its steps (rows read and written, seconds, status, error) "
      + "and its tests (failing rows).")
  public PipelineRun get(@PathVariable String id, @PathVariable String runId) {
    return pipelines.get(id, runId);
  }
}
