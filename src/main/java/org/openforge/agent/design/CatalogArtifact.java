package org.openforge.agent.design;

import org.openforge.agent.discovery.source.SourceCatalogDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;
import org.openforge.engagement.Artifact;

/** Reads the {@code source_catalog} artifact: {@code {"sources": [<SourceCatalog>...], "summary": {...}}}. */
final class CatalogArtifact {

  static final String KIND = "source_catalog";

  private CatalogArtifact() {}

  /** The profiled catalogs in the artifact, by source id. */
  static Map<String, SourceCatalog> profiled(Artifact artifact, DesignJson json) {
    Map<String, SourceCatalog> catalogs = new LinkedHashMap<>();
    if (artifact == null || artifact.content() == null) {
      return catalogs;
    }
    List<SourceCatalog> sources = json.read(artifact.content(), SourceCatalogDocument.class).sources();
    for (SourceCatalog catalog : sources == null ? List.<SourceCatalog>of() : sources) {
      if (catalog.profiled() && catalog.sourceId() != null && catalog.tables() != null) {
        catalogs.put(catalog.sourceId(), complete(catalog));
      }
    }
    return catalogs;
  }

  /** The catalog with empty lists where the artifact left them out (a writer may omit empty values). */
  private static SourceCatalog complete(SourceCatalog c) {
    List<TableInfo> tables = c.tables().stream().map(t -> new TableInfo(t.schema(), t.name(),
        t.kind() == null ? "table" : t.kind(), t.rowCount(), t.rowCountExact(), list(t.columns()),
        list(t.primaryKey()), list(t.foreignKeys()), list(t.uniqueConstraints()), list(t.candidateKeys()),
        t.quality())).toList();
    return new SourceCatalog(c.sourceId(), c.sourceName(), c.sourceType(), c.serverVersion(), c.collectedAt(),
        c.durationMs(), c.profiled(), tables, list(c.warnings()));
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }
}
