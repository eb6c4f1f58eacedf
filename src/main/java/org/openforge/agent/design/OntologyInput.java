package org.openforge.agent.design;

import java.util.Optional;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.engagement.Artifact;
import org.openforge.ontology.linkml.SchemaParseException;
import org.openforge.ontology.linkml.SchemaReader;
import org.openforge.ontology.linkml.SchemaView;

/**
 * The ontology a validation or mapping works on: the artifact named by one of the input keys (e.g.
 * {@code schema_id}, {@code ontology_id}), else the newest {@code ontology}. None, or one that does not parse, is a
 * business outcome: the run declines.
 */
record OntologyInput(Artifact artifact, SchemaView view) {

  static OntologyInput load(AgentContext context, DesignArtifacts artifacts, String... keys) {
    Optional<Artifact> chosen = Optional.empty();
    for (String key : keys) {
      Object id = context.input().get(key);
      if (id != null && !id.toString().isBlank()) {
        chosen = artifacts.byId(context.engagement().id(), id.toString().strip());
        if (chosen.isEmpty() || !OntologyDesignAgent.KIND.equals(chosen.get().kind())) {
          throw new AgentDeclinedException(key + " " + id + " is not an ontology artifact of this engagement");
        }
        break;
      }
    }
    if (chosen.isEmpty()) {
      chosen = context.latest(OntologyDesignAgent.KIND);
    }
    Artifact artifact = chosen.orElseThrow(() -> new AgentDeclinedException("the engagement has no ontology yet: "
        + "run ontology_design first"));
    try {
      return new OntologyInput(artifact, SchemaView.of(SchemaReader.parse(artifact.content())));
    } catch (SchemaParseException e) {
      throw new AgentDeclinedException("ontology " + artifact.name() + " version " + artifact.version()
          + " is not valid LinkML YAML: " + e.getMessage());
    }
  }
}
