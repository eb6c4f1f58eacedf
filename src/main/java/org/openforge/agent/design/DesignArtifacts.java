package org.openforge.agent.design;

import java.util.Optional;
import org.openforge.engagement.Artifact;

/** The engagement's artifacts the design agents look up beyond the newest of a kind. */
interface DesignArtifacts {

  /** The artifact with this id in the engagement, with its content. */
  Optional<Artifact> byId(String engagementId, String artifactId);

  /**
   * The newest ontology version that was approved, with its content: the design phase was signed off, or a
   * schema_change approval was granted, after that version was created — or a schema_change approval was granted for
   * exactly its content (the agent asks before it writes).
   */
  Optional<Artifact> approvedOntology(String engagementId);

  /** How the design artifacts are written and read back. */
  DesignJson json();
}
