package org.openforge.lifecycle;

import org.openforge.process.Phase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.openforge.approval.Approval;
import org.openforge.approval.ApprovalRepository;
import org.openforge.approval.ApprovalStatus;
import org.openforge.process.ApprovalType;
import org.openforge.datasource.SourceEvidence;
import org.openforge.datasource.SourceEvidenceQuery;
import org.openforge.engagement.Artifact;
import org.openforge.product.pipeline.PipelineRun;
import org.openforge.product.pipeline.PipelineRunStore;
import org.openforge.engagement.ArtifactService;
import org.springframework.stereotype.Service;

/**
 * Computes the evidence the gate DMN tables read, from the engagement's real state: the newest artifact of each kind
 * (and the numbers in its metadata), the attached data sources and their tests, the gates passed by hand, and the
 * sign-offs of the current phase instance. Every phase gets the same set of facts, so a gate table edited in a
 * modeler may use any of them.
 */
@Service
public class GateEvidenceService {

  private final ArtifactService artifacts;
  private final SourceEvidenceQuery sources;
  private final GateRepository gates;
  private final ApprovalRepository approvals;
  private final PipelineRunStore pipelineRuns;

  public GateEvidenceService(ArtifactService artifacts, SourceEvidenceQuery sources, GateRepository gates,
      ApprovalRepository approvals, PipelineRunStore pipelineRuns) {
    this.pipelineRuns = pipelineRuns;
    this.artifacts = artifacts;
    this.sources = sources;
    this.gates = gates;
    this.approvals = approvals;
  }

  /**
   * @param phaseInstanceId the running phase process instance, or null outside a phase
   * @param phaseStartedAt when that instance started (sign-offs and hand-passed approvals count from then)
   */
  public Map<String, Object> facts(String engagementId, Phase phase, String phaseInstanceId,
      OffsetDateTime phaseStartedAt) {
    Map<String, Artifact> latest = artifacts.latestByKind(engagementId);
    SourceEvidence source = sources.of(engagementId);
    List<GatePass> passes = gates.passes(engagementId);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("stakeholderCount", metric(latest, "stakeholder_analysis", "stakeholder_count"));
    facts.put("requirementCount", metric(latest, "requirements_document", "requirement_count"));
    facts.put("attachedSourceCount", source.attached());
    facts.put("connectedSourceCount", connected(source, latest.get("source_catalog")));
    facts.put("catalogedSourceCount", metric(latest, "source_catalog", "source_count"));
    facts.put("ontologyValid", flag(latest, "ontology", "valid"));
    facts.put("ontologyClassCount", metric(latest, "ontology", "class_count"));
    facts.put("validationRun", latest.containsKey("schema_validation_report"));
    facts.put("validationPassedChecks", metric(latest, "schema_validation_report", "passed_checks"));
    facts.put("validationFailedChecks", metric(latest, "schema_validation_report", "failed_checks"));
    facts.put("mappingRun", latest.containsKey("transformation_mapping"));
    facts.put("unmappedClassCount", metric(latest, "transformation_mapping", "unmapped_class_count"));
    facts.put("pipelineCount", metric(latest, "pipeline_spec", "pipeline_count"));
    facts.put("qualityChecksRun", flag(latest, "pipeline_spec", "quality_checks_run"));
    facts.put("qualityChecksFailed", metric(latest, "pipeline_spec", "quality_checks_failed"));
    Artifact spec = latest.get("pipeline_spec");
    boolean platform = spec != null && (spec.metadata().get("platform_pipeline_version") != null
        || spec.metadata().get("platform_models_offered") instanceof Number n && n.intValue() > 0);
    facts.put("platformPipeline", platform);
    facts.put("pipelineRunPassed", platform && runPassed(engagementId));
    facts.put("uiComponentCount", metric(latest, "ui_components", "component_count"));
    facts.put("integrationTestsRun", flag(latest, "data_api", "integration_tests_run"));
    facts.put("integrationTestsFailed", metric(latest, "data_api", "integration_tests_failed"));
    facts.put("deploymentConfigValid", flag(latest, "deployment_config", "valid"));
    facts.put("securityReviewDone", latest.containsKey("security_review"));
    facts.put("securityHighFindings", metric(latest, "security_review", "high_findings"));
    facts.put("loadTestDone", latest.containsKey("load_test_report"));
    facts.put("loadTestPassed", flag(latest, "load_test_report", "passed"));
    facts.put("passedGates", passedGates(passes, phase, phaseStartedAt));

    List<Approval> signOffs = phaseInstanceId == null ? List.of() : signOffs(engagementId, phase, phaseInstanceId);
    facts.put("signedOff", signOffs.stream().anyMatch(a -> a.status() == ApprovalStatus.APPROVED));
    Optional<Approval> lastDecision = signOffs.stream().filter(a -> a.decidedAt() != null)
        .max(Comparator.comparing(Approval::decidedAt));
    OffsetDateTime lastEvidence = Stream.of(
            latest.values().stream().map(Artifact::createdAt).max(Comparator.naturalOrder()).orElse(null),
            passes.stream().map(GatePass::createdAt).max(Comparator.naturalOrder()).orElse(null),
            source.lastTestedAt())
        .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    boolean rework = lastDecision.isPresent() && lastDecision.get().status() == ApprovalStatus.REJECTED
        && (lastEvidence == null || !lastEvidence.isAfter(lastDecision.get().decidedAt()));
    facts.put("reworkPending", rework);
    return facts;
  }

  /**
   * Whether the newest pipeline version's latest run succeeded on the full data with every model test passing (a
   * run published anyway after a review of failing tests does not count).
   */
  private boolean runPassed(String engagementId) {
    int version = pipelineRuns.latestVersion(engagementId);
    return pipelineRuns.latestRun(engagementId).filter(r -> r.pipelineVersion() == version)
        .filter(r -> PipelineRun.SUCCEEDED.equals(r.status()))
        .flatMap(r -> pipelineRuns.find(engagementId, r.id()))
        .map(r -> r.tests().stream().allMatch(t -> "passed".equals(t.status()))).orElse(false);
  }

  /**
   * Attached sources proven reachable: a successful connection test, or catalogued by the newest source discovery
   * (which read them).
   */
  private static int connected(SourceEvidence source, Artifact catalog) {
    java.util.Set<String> ids = new java.util.HashSet<>(source.testedOkIds());
    if (catalog != null && catalog.metadata().get("catalogued_source_ids") instanceof List<?> catalogued) {
      catalogued.stream().map(String::valueOf).filter(source.attachedIds()::contains).forEach(ids::add);
    }
    return ids.size();
  }

  /** Whether {@code human_approval} was passed by hand for this phase since it started. */
  public boolean humanApprovalPassedByHand(String engagementId, Phase phase, OffsetDateTime phaseStartedAt) {
    return passedGates(gates.passes(engagementId), phase, phaseStartedAt).contains(GateCatalog.HUMAN_APPROVAL);
  }

  private List<Approval> signOffs(String engagementId, Phase phase, String phaseInstanceId) {
    return approvals.forEngagement(engagementId).stream()
        .filter(a -> phaseInstanceId.equals(a.processInstanceId()) && isSignOff(a)
            && phase.value().equals(a.phase()))
        .toList();
  }

  private static boolean isSignOff(Approval a) {
    return a.isSignOff();
  }

  /**
   * Gate ids passed by hand that count now: any requirement passed at any time, except that a hand-passed
   * {@code human_approval} counts only for the phase instance it was given in.
   */
  private static List<String> passedGates(List<GatePass> passes, Phase phase, OffsetDateTime phaseStartedAt) {
    List<String> ids = new ArrayList<>();
    for (GatePass pass : passes) {
      boolean approval = GateCatalog.HUMAN_APPROVAL.equals(pass.gateId());
      boolean counts = !approval || (phase.value().equals(pass.phase())
          && (phaseStartedAt == null || !pass.createdAt().isBefore(phaseStartedAt)));
      if (counts && !ids.contains(pass.gateId())) {
        ids.add(pass.gateId());
      }
    }
    return ids;
  }

  private static long metric(Map<String, Artifact> latest, String kind, String key) {
    Artifact a = latest.get(kind);
    return a == null ? 0 : a.metric(key);
  }

  private static boolean flag(Map<String, Artifact> latest, String kind, String key) {
    Artifact a = latest.get(kind);
    return a != null && a.flag(key);
  }
}
