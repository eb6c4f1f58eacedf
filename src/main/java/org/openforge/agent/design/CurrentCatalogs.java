package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openforge.agent.AgentContext;
import org.openforge.datasource.catalog.SourceCatalog;

/**
 * The catalogs of every attached source as they are now — never the (possibly stale) catalog artifact: databases
 * described ({@code describe_source}: structure and types, the checks run in SQL), CSV sources profiled
 * ({@code profile_source} with {@code topValues} top values; {@code 0} describes them too). Sources that cannot be read
 * are listed in {@code unreadable}.
 */
record CurrentCatalogs(List<SourceCatalog> catalogs, Map<String, String> types, Set<String> unreadable,
    List<String> warnings) {

  static CurrentCatalogs load(AgentContext context, DataTools access, List<AttachedSource> attached,
      int csvTopValues) {
    List<SourceCatalog> catalogs = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    Set<String> unreadable = new LinkedHashSet<>();
    for (AttachedSource source : attached) {
      boolean profile = !source.jdbc() && csvTopValues > 0;
      context.progress("catalog", (profile ? "profiling " : "describing ") + source.name() + " ("
          + source.sourceType() + ")");
      DataTools.Result<SourceCatalog> result = profile ? access.profile(source.id(), List.of(), csvTopValues)
          : access.describe(source.id());
      if (result.ok()) {
        catalogs.add(result.value());
        types.put(source.id(), source.sourceType());
        result.value().warnings().forEach(w -> warnings.add(source.name() + ": " + w));
      } else {
        unreadable.add(source.id());
        warnings.add("data source " + source.name() + " (" + source.id() + ") cannot be read: " + result.error());
      }
    }
    return new CurrentCatalogs(List.copyOf(catalogs), types, Set.copyOf(unreadable), List.copyOf(warnings));
  }
}
