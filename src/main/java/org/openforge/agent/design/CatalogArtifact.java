package org.openforge.agent.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.engagement.Artifact;

/** Reads the {@code source_catalog} artifact: {@code {"sources": [<SourceCatalog>...], "summary": {...}}}. */
final class CatalogArtifact {

  static final String KIND = "source_catalog";

  private CatalogArtifact() {}

  /** The profiled catalogs in the artifact, by source id. */
  static Map<String, SourceCatalog> profiled(Artifact artifact) {
    Map<String, SourceCatalog> catalogs = new LinkedHashMap<>();
    if (artifact == null || artifact.content() == null) {
      return catalogs;
    }
    JsonNode sources = DesignJson.read(artifact.content()).path("sources");
    for (JsonNode source : sources) {
      SourceCatalog catalog = DesignJson.MAPPER.convertValue(source, SourceCatalog.class);
      if (catalog.profiled() && catalog.sourceId() != null && catalog.tables() != null) {
        catalogs.put(catalog.sourceId(), catalog);
      }
    }
    return catalogs;
  }
}
