package org.openforge.agent.deploy;

import java.util.List;
import java.util.Map;

/** The security_review artifact: the environment reviewed, the counts by severity and every check. */
public record SecurityReviewDocument(int schemaVersion, String environment, Map<String, Object> summary,
    List<SecurityCheck> checks) {

  public static final int SCHEMA_VERSION = 1;
}
