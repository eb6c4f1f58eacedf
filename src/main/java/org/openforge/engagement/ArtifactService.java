package org.openforge.engagement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openforge.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records artifacts as new versions (per engagement and name) and reads them back. */
@Service
public class ArtifactService {

  private final ArtifactRepository artifacts;
  private final EngagementRepository engagements;
  private final ArtifactVersions versions;
  private final Clock clock;

  public ArtifactService(ArtifactRepository artifacts, EngagementRepository engagements, ArtifactVersions versions,
      Clock clock) {
    this.artifacts = artifacts;
    this.engagements = engagements;
    this.versions = versions;
    this.clock = clock;
  }

  /** What an agent (or a person) hands over to become an artifact. */
  public record Draft(String name, String kind, String mediaType, String content, String summary,
      Map<String, Object> metadata) {}

  /**
   * Stores a draft as the next version of its name (numbered by {@link ArtifactVersions}). The caller's transaction
   * holds the engagement's evidence lock in shared mode: writers do not wait for each other, a gate evaluation
   * waits for them (and they for it), so it never misses evidence about to be committed.
   */
  @Transactional
  public Artifact record(String engagementId, String phase, String agentTaskId, Draft draft) {
    engagements.lockShared(engagementId);
    int version = versions.next(engagementId, draft.name(), agentTaskId);
    Artifact artifact = new Artifact(UUID.randomUUID().toString(), engagementId, draft.name(), draft.kind(), phase,
        version, draft.mediaType(), draft.content(), draft.summary(),
        draft.metadata() == null ? Map.of() : draft.metadata(), agentTaskId, OffsetDateTime.now(clock));
    artifacts.insert(artifact);
    return artifact;
  }

  public List<Artifact> list(String engagementId) {
    return artifacts.headers(engagementId);
  }

  public Artifact get(String engagementId, String artifactId) {
    return artifacts.find(engagementId, artifactId)
        .orElseThrow(() -> ApiException.notFound("artifact", artifactId));
  }

  /** The newest version of each artifact name, by creation time. */
  public List<Artifact> latestByName(String engagementId) {
    Map<String, Artifact> latest = new LinkedHashMap<>();
    artifacts.headers(engagementId).forEach(a -> latest.put(a.name(), a));
    return List.copyOf(latest.values());
  }

  /** The newest artifact of each kind, by creation time. */
  public Map<String, Artifact> latestByKind(String engagementId) {
    Map<String, Artifact> latest = new LinkedHashMap<>();
    artifacts.headers(engagementId).stream()
        .sorted(Comparator.comparing(Artifact::createdAt).thenComparing(Artifact::version))
        .forEach(a -> latest.put(a.kind(), a));
    return latest;
  }

  public Optional<Artifact> latestOfKind(String engagementId, String kind) {
    return artifacts.latestOfKind(engagementId, kind);
  }
}
