package org.openforge.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.openforge.system.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Opens an artifact through a signed link (no API key), sandboxed: no scripts, nothing loaded from elsewhere. */
@RestController
@Tag(name = "Engagements")
public class PreviewController {

  private final ArtifactRepository artifacts;
  private final PreviewLinks links;

  public PreviewController(ArtifactRepository artifacts, PreviewLinks links) {
    this.artifacts = artifacts;
    this.links = links;
  }

  public record PreviewLink(String url, Instant expiresAt) {}

  @GetMapping("/api/v1/engagements/{id}/artifacts/{artifactId}/link")
  @Operation(summary = "A signed link to open an artifact in a browser",
      description = "Valid for an hour (or until a restart); e.g. the live preview of ui_generation.")
  public PreviewLink link(@PathVariable String id, @PathVariable String artifactId) {
    artifacts.find(id, artifactId).orElseThrow(() -> ApiException.notFound("artifact", artifactId));
    PreviewLinks.Link link = links.sign(artifactId);
    return new PreviewLink(link.path(), Instant.ofEpochSecond(link.expires()));
  }

  @GetMapping("/preview/artifacts/{artifactId}")
  @Operation(summary = "Open an artifact through a signed link")
  public ResponseEntity<String> open(@PathVariable String artifactId, @RequestParam long expires,
      @RequestParam String sig) {
    if (!links.valid(artifactId, expires, sig)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "the link is invalid or has expired", null);
    }
    Artifact a = artifacts.findById(artifactId).orElseThrow(() -> ApiException.notFound("artifact", artifactId));
    return ResponseEntity.ok()
        .contentType(ArtifactMediaTypes.of(a))
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "font-src data:; sandbox")
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
        .body(a.content());
  }
}
