package org.openforge.agent.tool;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openforge.agent.artifact.ArtifactSchemas;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The artifact tools: list and read an engagement's artifacts, write one (a new version). */
@Configuration
public class ArtifactTools {

  static final int MAX_CONTENT = 20_000;

  @Bean
  AgentTool listArtifacts(ArtifactService artifacts) {
    return new SimpleTool("list_artifacts", "Lists the engagement's artifacts (newest version of each name): id, "
        + "name, kind, phase, version, summary and the metadata numbers.",
        JsonObjectSchema.builder().build(), true,
        call -> artifacts.latestByName(call.engagement().id()).stream().map(ArtifactTools::header).toList());
  }

  @Bean
  AgentTool readArtifact(ArtifactService artifacts) {
    return new SimpleTool("read_artifact", "Reads an artifact's content by id, or the newest of a kind "
        + "(e.g. requirements_document, source_catalog, ontology). Long content is cut at 20000 characters.",
        JsonObjectSchema.builder()
            .addStringProperty("id", "artifact id")
            .addStringProperty("kind", "artifact kind, when no id is given")
            .build(), true,
        call -> {
          String id = call.string("id");
          Artifact a = id != null ? artifacts.get(call.engagement().id(), id)
              : artifacts.latestOfKind(call.engagement().id(), call.requireString("kind"))
                  .orElseThrow(() -> new IllegalArgumentException("no artifact of kind " + call.string("kind")));
          Map<String, Object> result = header(a);
          String content = a.content();
          result.put("truncated", content.length() > MAX_CONTENT);
          result.put("content", content.length() > MAX_CONTENT ? content.substring(0, MAX_CONTENT) : content);
          return result;
        });
  }

  @Bean
  AgentTool writeFile(ArtifactService artifacts, ArtifactSchemas schemas) {
    return new SimpleTool("write_file", "Writes an artifact of the engagement (a new version of its name). JSON "
        + "content of a kind with a schema (GET /api/v1/artifact-schemas) must match it, or the write fails.",
        JsonObjectSchema.builder()
            .addStringProperty("name", "file name, e.g. requirements.json")
            .addStringProperty("kind", "artifact kind, e.g. requirements_document")
            .addStringProperty("media_type", "e.g. application/json, text/markdown, application/yaml")
            .addStringProperty("content", "the document")
            .addStringProperty("summary", "one line for reviewers")
            .required("name", "kind", "content")
            .build(), false,
        call -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> metadata = call.arguments().get("metadata") instanceof Map<?, ?> m
              ? (Map<String, Object>) m : Map.of();
          String mediaType = call.string("media_type");
          schemas.validate(call.requireString("kind"), call.requireString("content"));
          Artifact a = artifacts.record(call.engagement().id(), call.task().phase(), call.task().id(),
              new ArtifactService.Draft(call.requireString("name"), call.requireString("kind"),
                  mediaType == null ? "text/plain" : mediaType, call.requireString("content"), call.string("summary"),
                  metadata));
          return header(a);
        });
  }

  static Map<String, Object> header(Artifact a) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("id", a.id());
    h.put("name", a.name());
    h.put("kind", a.kind());
    h.put("phase", a.phase());
    h.put("version", a.version());
    h.put("media_type", a.mediaType());
    h.put("summary", a.summary());
    h.put("metadata", a.metadata());
    return h;
  }
}
