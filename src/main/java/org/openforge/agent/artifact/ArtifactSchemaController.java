package org.openforge.agent.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openforge.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/artifact-schemas")
@Tag(name = "Artifact schemas", description = "The JSON Schema an agent-written JSON artifact kind is checked "
    + "against")
public class ArtifactSchemaController {

  private final ArtifactSchemas schemas;

  public ArtifactSchemaController(ArtifactSchemas schemas) {
    this.schemas = schemas;
  }

  /** A kind with a schema, and where to read it. */
  public record SchemaLink(String kind, String href) {}

  @GetMapping
  @Operation(summary = "List the artifact kinds with a schema")
  public List<SchemaLink> list() {
    return schemas.kinds().stream().map(k -> new SchemaLink(k, "/api/v1/artifact-schemas/" + k)).toList();
  }

  @GetMapping("/{kind}")
  @Operation(summary = "Get an artifact kind's JSON Schema", description = "404 for a kind without a schema.")
  public JsonNode get(@PathVariable String kind) {
    return schemas.schema(kind).orElseThrow(() -> ApiException.notFound("artifact schema", kind));
  }
}
