package org.openforge.agent.artifact;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openforge.agent.build.pipeline.DagsterProjectDocument;
import org.openforge.agent.build.pipeline.PipelineCreationAgent;
import org.openforge.agent.build.pipeline.PipelineSpec;
import org.openforge.agent.build.ui.UiComponentsDocument;
import org.openforge.agent.build.ui.UiGenerationAgent;
import org.openforge.agent.deploy.DeploymentConfigAgent;
import org.openforge.agent.deploy.DeploymentValidation;
import org.openforge.agent.deploy.LoadTestReport;
import org.openforge.agent.deploy.SecurityReviewDocument;
import org.openforge.agent.design.SchemaValidationAgent;
import org.openforge.agent.design.SchemaValidationReport;
import org.openforge.agent.design.TransformationDesignAgent;
import org.openforge.agent.design.TransformationMapping;
import org.openforge.agent.discovery.requirements.RequirementsDocument;
import org.openforge.agent.discovery.requirements.RequirementsGatheringAgent;
import org.openforge.agent.discovery.source.SourceCatalogDocument;
import org.openforge.agent.discovery.source.SourceDiscoveryAgent;
import org.openforge.agent.discovery.stakeholder.StakeholderAnalysis;
import org.openforge.agent.discovery.stakeholder.StakeholderAnalysisAgent;

/**
 * The one place that says which record each JSON artifact kind is: its schema is generated from it, and the next
 * agent reads the artifact back as it. Every such record carries a {@code schema_version}.
 */
public final class ArtifactKinds {

  /** The record component every artifact record has; the schemas require it. */
  static final String SCHEMA_VERSION_FIELD = "schemaVersion";

  static final Map<String, Class<? extends Record>> RECORDS = new LinkedHashMap<>();

  static {
    RECORDS.put(SourceDiscoveryAgent.KIND, SourceCatalogDocument.class);
    RECORDS.put(StakeholderAnalysisAgent.KIND, StakeholderAnalysis.class);
    RECORDS.put(RequirementsGatheringAgent.KIND, RequirementsDocument.class);
    RECORDS.put(TransformationDesignAgent.KIND, TransformationMapping.class);
    RECORDS.put(SchemaValidationAgent.KIND, SchemaValidationReport.class);
    RECORDS.put(PipelineCreationAgent.KIND, PipelineSpec.class);
    RECORDS.put(PipelineCreationAgent.DAGSTER_KIND, DagsterProjectDocument.class);
    RECORDS.put(UiGenerationAgent.KIND, UiComponentsDocument.class);
    RECORDS.put(DeploymentConfigAgent.VALIDATION_KIND, DeploymentValidation.class);
    RECORDS.put(DeploymentConfigAgent.SECURITY_KIND, SecurityReviewDocument.class);
    RECORDS.put(DeploymentConfigAgent.LOAD_KIND, LoadTestReport.class);
  }

  private ArtifactKinds() {}

  public static Map<String, Class<? extends Record>> records() {
    return java.util.Collections.unmodifiableMap(RECORDS);
  }
}
