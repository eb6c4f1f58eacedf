package org.openforge.agent.discovery.source;

import java.util.List;
import java.util.Map;
import org.openforge.datasource.catalog.SourceCatalog;

/** The source_catalog artifact: each readable source's catalogue, the sources that could not be read, totals. */
public record SourceCatalogDocument(int schemaVersion, List<SourceCatalog> sources,
    List<Map<String, Object>> unreachable, CatalogSummary summary) {

  public static final int SCHEMA_VERSION = 1;
}
