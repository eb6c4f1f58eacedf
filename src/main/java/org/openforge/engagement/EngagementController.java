package org.openforge.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.openforge.security.Caller;
import org.openforge.system.PageRequest;
import org.openforge.system.PageResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/engagements")
@Tag(name = "Engagements", description = "Create engagements and steer their lifecycle (status comes from the engine)")
public class EngagementController {

  private final EngagementService engagements;
  private final ArtifactService artifacts;
  private final AuditTrail audit;

  public EngagementController(EngagementService engagements, ArtifactService artifacts, AuditTrail audit) {
    this.engagements = engagements;
    this.artifacts = artifacts;
    this.audit = audit;
  }

  public record CancelRequest(@Size(max = 2000) String reason) {}

  public record AttachDataSourceRequest(@NotBlank String dataSourceId) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an engagement", description = "Starts its lifecycle unless submit is false (draft).")
  public EngagementView create(@Valid @RequestBody CreateEngagementRequest request) {
    return engagements.create(request, Caller.current());
  }

  @GetMapping
  @Operation(summary = "List engagements", description = "Newest first; filter by derived status.")
  public PageResponse<EngagementView> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) Integer page, @RequestParam(name = "page_size", required = false) Integer pageSize) {
    return engagements.list(status, PageRequest.of(page, pageSize));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Get an engagement")
  public EngagementView get(@PathVariable String id) {
    return engagements.get(id);
  }

  @PostMapping("/{id}/submit")
  @Operation(summary = "Submit a draft", description = "Starts the lifecycle of an engagement created with submit: false.")
  public EngagementView submit(@PathVariable String id) {
    return engagements.submit(id, Caller.current());
  }

  @PostMapping("/{id}/pause")
  @Operation(summary = "Pause", description = "Suspends every process instance of the engagement (as Cockpit does).")
  public EngagementView pause(@PathVariable String id) {
    return engagements.pause(id, Caller.current());
  }

  @PostMapping("/{id}/resume")
  @Operation(summary = "Resume a paused engagement")
  public EngagementView resume(@PathVariable String id) {
    return engagements.resume(id, Caller.current());
  }

  @PostMapping("/{id}/cancel")
  @Operation(summary = "Cancel", description = "Ends the lifecycle; the reason is kept.")
  public EngagementView cancel(@PathVariable String id, @Valid @RequestBody(required = false) CancelRequest request) {
    return engagements.cancel(id, request == null ? null : request.reason(), Caller.current());
  }

  @PostMapping("/{id}/data-sources")
  @Operation(summary = "Attach a data source", description = "Wakes the phase gate: a connected source is evidence.")
  public EngagementView attach(@PathVariable String id, @Valid @RequestBody AttachDataSourceRequest request) {
    return engagements.attachDataSource(id, request.dataSourceId(), Caller.current());
  }

  @GetMapping("/{id}/artifacts")
  @Operation(summary = "List artifacts", description = "Every version, oldest first, without content.")
  public List<Artifact> artifacts(@PathVariable String id) {
    engagements.find(id);
    return artifacts.list(id);
  }

  @GetMapping("/{id}/artifacts/{artifactId}")
  @Operation(summary = "Download an artifact", description = "The raw content with its media type.")
  public ResponseEntity<String> artifact(@PathVariable String id, @PathVariable String artifactId) {
    Artifact a = artifacts.get(id, artifactId);
    String extension = switch (a.mediaType()) {
      case "application/yaml", "application/x-yaml", "text/yaml" -> ".yaml";
      case "application/json" -> ".json";
      case "application/sql" -> ".sql";
      case "text/markdown" -> ".md";
      default -> a.mediaType().startsWith("text/") ? ".txt" : "";
    };
    return ResponseEntity.ok()
        .contentType(ArtifactMediaTypes.of(a))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + a.name().replaceAll("[^A-Za-z0-9._-]", "_")
            + (a.name().contains(".") ? "" : extension) + "\"")
        .header("X-Artifact-Version", String.valueOf(a.version()))
        .body(a.content());
  }

  @GetMapping("/{id}/audit")
  @Operation(summary = "Audit trail", description = "Transitions, pauses, cancellations, gates passed by hand.")
  public List<AuditTrail.Entry> audit(@PathVariable String id) {
    engagements.find(id);
    return audit.forEngagement(id);
  }
}
