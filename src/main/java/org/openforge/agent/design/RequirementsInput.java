package org.openforge.agent.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openforge.agent.AgentContext;
import org.openforge.engagement.Artifact;
import org.openforge.ontology.infer.RequirementText;

/**
 * The requirements a design works from: the {@code requirements_document} named by
 * {@code input_data.requirements_doc_id}, else the newest one; its functional and non-functional requirements (id,
 * title, statement, dimensions). Without a document, the engagement's objective and description stand in.
 */
record RequirementsInput(String documentId, List<RequirementText> texts, List<String> warnings) {

  static final String KIND = "requirements_document";

  static RequirementsInput load(AgentContext context, DesignArtifacts artifacts) {
    List<String> warnings = new ArrayList<>();
    Object wanted = context.input().get("requirements_doc_id");
    Optional<Artifact> document = Optional.empty();
    if (wanted != null && !wanted.toString().isBlank()) {
      document = artifacts.byId(context.engagement().id(), wanted.toString().strip())
          .filter(a -> KIND.equals(a.kind()));
      if (document.isEmpty()) {
        warnings.add("requirements_doc_id " + wanted + " is not a requirements document of this engagement; using"
            + " the newest one");
      }
    }
    if (document.isEmpty()) {
      document = context.latest(KIND);
    }
    if (document.isEmpty() || document.get().content() == null) {
      return new RequirementsInput(null, engagementTexts(context), List.copyOf(warnings));
    }
    JsonNode root = DesignJson.read(document.get().content());
    List<RequirementText> texts = new ArrayList<>();
    for (String list : List.of("functional", "non_functional")) {
      for (JsonNode r : root.path(list)) {
        List<String> dimensions = new ArrayList<>();
        r.path("dimensions").forEach(d -> dimensions.add(d.asText()));
        texts.add(new RequirementText(r.path("id").asText(), r.path("title").asText(),
            r.path("statement").asText(), dimensions));
      }
    }
    return new RequirementsInput(document.get().id(), List.copyOf(texts), List.copyOf(warnings));
  }

  private static List<RequirementText> engagementTexts(AgentContext context) {
    List<RequirementText> texts = new ArrayList<>();
    String objective = context.engagement().objective();
    if (objective != null && !objective.isBlank()) {
      texts.add(new RequirementText("objective", "engagement objective", objective, List.of()));
    }
    String description = context.engagement().description();
    if (description != null && !description.isBlank()) {
      texts.add(new RequirementText("description", "engagement description", description, List.of()));
    }
    return List.copyOf(texts);
  }
}
