package org.openforge.engagement;

import java.util.List;

/**
 * What an engagement may refer to but this package does not own: data sources and model providers. Implemented
 * by the packages that own them, so that validating a request needs no import against the layering.
 */
public interface EngagementReferences {

  boolean dataSourceExists(String dataSourceId);

  /** Whether the data source exists and is registered as a target. */
  boolean targetExists(String dataSourceId);

  /** The LLM provider names an engagement's {@code agent_config.llm.provider} may choose. */
  List<String> modelProviders();
}
