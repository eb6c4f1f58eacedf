package org.openforge.agent.design;

import org.openforge.agent.discovery.requirements.Requirement;
import org.openforge.agent.discovery.requirements.RequirementsDocument;
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
    RequirementsDocument read = artifacts.json().read(document.get().content(), RequirementsDocument.class);
    List<RequirementText> texts = new ArrayList<>();
    for (List<Requirement> list : java.util.Arrays.asList(read.functional(), read.nonFunctional())) {
      for (Requirement r : list == null ? List.<Requirement>of() : list) {
        texts.add(new RequirementText(text(r.id()), text(r.title()), text(r.statement()),
            r.dimensions() == null ? List.of() : r.dimensions()));
      }
    }
    return new RequirementsInput(document.get().id(), List.copyOf(texts), List.copyOf(warnings));
  }

  private static String text(String value) {
    return value == null ? "" : value;
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
