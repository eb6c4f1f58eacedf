package org.openforge.agent.deploy;

import java.util.List;

/** The deployment_validation artifact: whether the generated files passed the manifest checks, and the findings. */
public record DeploymentValidation(int schemaVersion, boolean valid, long errors, long warnings,
    List<ManifestIssue> issues) {

  public static final int SCHEMA_VERSION = 1;
}
