package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openforge.approval.Approval;
import org.openforge.approval.ApprovalRepository;
import org.openforge.approval.ApprovalStatus;
import org.openforge.process.ApprovalType;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.openforge.process.Phase;
import org.openforge.system.ApiException;
import org.springframework.stereotype.Component;

/** {@link DesignArtifacts} over the engagement's artifacts and approvals. */
@Component
class EngagementDesignArtifacts implements DesignArtifacts {

  private final ArtifactService artifacts;
  private final ApprovalRepository approvals;
  private final DesignJson json;

  EngagementDesignArtifacts(ArtifactService artifacts, ApprovalRepository approvals, DesignJson json) {
    this.json = json;
    this.artifacts = artifacts;
    this.approvals = approvals;
  }

  @Override
  public Optional<Artifact> byId(String engagementId, String artifactId) {
    try {
      return Optional.of(artifacts.get(engagementId, artifactId));
    } catch (ApiException e) {
      if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<Artifact> approvedOntology(String engagementId) {
    List<Approval> granted = approvals.forEngagement(engagementId).stream()
        .filter(a -> a.status() == ApprovalStatus.APPROVED && a.decidedAt() != null)
        .filter(a -> a.type() == ApprovalType.SCHEMA_CHANGE
            || (a.type() == ApprovalType.PHASE_TRANSITION && Phase.DESIGN.value().equals(a.phase())))
        .toList();
    if (granted.isEmpty()) {
      return Optional.empty();
    }
    List<Artifact> versions = new ArrayList<>(artifacts.list(engagementId).stream()
        .filter(a -> OntologyDesignAgent.KIND.equals(a.kind())).toList());
    for (int i = versions.size() - 1; i >= 0; i--) {
      Artifact header = versions.get(i);
      if (granted.stream().anyMatch(a -> !a.decidedAt().isBefore(header.createdAt()))) {
        return Optional.of(artifacts.get(engagementId, header.id()));
      }
      Artifact full = artifacts.get(engagementId, header.id());
      String hash = SchemaChangeReview.hash(full.content());
      if (granted.stream().anyMatch(a -> a.type() == ApprovalType.SCHEMA_CHANGE
          && hash.equals(a.context().get(SchemaChangeReview.SCHEMA_HASH)))) {
        return Optional.of(full);
      }
    }
    return Optional.empty();
  }

  @Override
  public DesignJson json() {
    return json;
  }
}
