package org.openforge.product;

import java.time.OffsetDateTime;

/**
 * One deployed version of a data product: the pipeline version it runs and the data version it serves.
 * {@code status}: active (served now), superseded (a newer version replaced it), rolled_back (left for the previous
 * version), undeployed (stopped).
 */
public record ProductDeployment(String engagementId, int version, int pipelineVersion, int targetVersion,
    String status, String deployedBy, OffsetDateTime deployedAt, OffsetDateTime endedAt) {

  public static final String ACTIVE = "active";
  public static final String SUPERSEDED = "superseded";
  public static final String ROLLED_BACK = "rolled_back";
  public static final String UNDEPLOYED = "undeployed";
}
