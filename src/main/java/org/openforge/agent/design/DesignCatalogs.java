package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.AgentContext;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;
import org.openforge.ontology.infer.Enums;
import org.openforge.ontology.infer.SchemaInference;

/**
 * The profiled catalogs an ontology is inferred from: a source's entry in the newest {@code source_catalog} artifact
 * when it has one, else a fresh {@code profile_source}. Tables with enum-like columns whose top values do not list
 * every value are profiled again with {@value Enums#MAX_VALUES}+ top values.
 */
record DesignCatalogs(List<SourceCatalog> catalogs, Map<String, String> origins, List<String> warnings) {

  static DesignCatalogs load(AgentContext context, DataTools access, List<AttachedSource> sources) {
    Map<String, SourceCatalog> fromArtifact = CatalogArtifact.profiled(
        context.latest(CatalogArtifact.KIND).orElse(null), access.json());
    List<SourceCatalog> catalogs = new ArrayList<>();
    Map<String, String> origins = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (AttachedSource source : sources) {
      SourceCatalog known = fromArtifact.get(source.id());
      if (known != null) {
        catalogs.add(known);
        origins.put(source.id(), "source_catalog artifact");
        continue;
      }
      context.progress("catalog", "profiling " + source.name() + " (" + source.sourceType() + ")");
      DataTools.Result<SourceCatalog> profiled = access.profile(source.id(), List.of(), null);
      if (profiled.ok()) {
        catalogs.add(profiled.value());
        origins.put(source.id(), "profile_source");
        profiled.value().warnings().forEach(w -> warnings.add(source.name() + ": " + w));
      } else {
        warnings.add("data source " + source.name() + " (" + source.id() + ") cannot be profiled: "
            + profiled.error());
      }
    }
    return new DesignCatalogs(completeEnums(context, access, catalogs, warnings), origins, warnings);
  }

  private static List<SourceCatalog> completeEnums(AgentContext context, DataTools access,
      List<SourceCatalog> catalogs, List<String> warnings) {
    Map<String, List<String>> incomplete = SchemaInference.needingAllValues(catalogs);
    List<SourceCatalog> result = new ArrayList<>();
    for (SourceCatalog catalog : catalogs) {
      List<String> tables = incomplete.get(catalog.sourceId());
      if (tables == null) {
        result.add(catalog);
        continue;
      }
      context.progress("catalog", "listing every value of enum-like columns in " + String.join(", ", tables));
      DataTools.Result<SourceCatalog> more = access.profile(catalog.sourceId(), tables, Enums.MAX_VALUES + 5);
      if (!more.ok()) {
        warnings.add("cannot list the values of enum-like columns of " + String.join(", ", tables) + ": "
            + more.error());
        result.add(catalog);
        continue;
      }
      List<TableInfo> merged = new ArrayList<>();
      for (TableInfo t : catalog.tables()) {
        merged.add(more.value().tables().stream().filter(m -> m.qualifiedName().equals(t.qualifiedName()))
            .findFirst().map(m -> withProfiles(t, m)).orElse(t));
      }
      result.add(new SourceCatalog(catalog.sourceId(), catalog.sourceName(), catalog.sourceType(),
          catalog.serverVersion(), catalog.collectedAt(), catalog.durationMs(), catalog.profiled(),
          List.copyOf(merged), catalog.warnings()));
    }
    return result;
  }

  /** The table with the column profiles of {@code again} (keys and relationships as first catalogued). */
  private static TableInfo withProfiles(TableInfo table, TableInfo again) {
    List<ColumnInfo> columns = table.columns().stream()
        .map(c -> again.column(c.name()).filter(x -> x.profile() != null).map(x -> c.withProfile(x.profile()))
            .orElse(c))
        .toList();
    return new TableInfo(table.schema(), table.name(), table.kind(), table.rowCount(), table.rowCountExact(), columns,
        table.primaryKey(), table.foreignKeys(), table.uniqueConstraints(), table.candidateKeys(), table.quality());
  }
}
