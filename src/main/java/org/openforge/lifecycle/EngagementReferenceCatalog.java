package org.openforge.lifecycle;

import java.util.List;
import org.openforge.agent.llm.LlmProviders;
import org.openforge.datasource.DataSourceLookup;
import org.openforge.engagement.EngagementReferences;
import org.springframework.stereotype.Component;

/** Answers the engagement package's questions about data sources and model providers. */
@Component
class EngagementReferenceCatalog implements EngagementReferences {

  private final DataSourceLookup dataSources;
  private final LlmProviders providers;

  EngagementReferenceCatalog(DataSourceLookup dataSources, LlmProviders providers) {
    this.dataSources = dataSources;
    this.providers = providers;
  }

  @Override
  public boolean dataSourceExists(String dataSourceId) {
    return dataSources.exists(dataSourceId);
  }

  @Override
  public boolean targetExists(String dataSourceId) {
    return dataSources.exists(dataSourceId) && dataSources.isTarget(dataSourceId);
  }

  @Override
  public List<String> modelProviders() {
    return providers.names();
  }
}
