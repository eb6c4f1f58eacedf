package org.openforge.agent.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.tool.ToolExecutor;
import org.openforge.agent.tool.ToolOutcome;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;

/**
 * The engagement's attached sources as the build agents reach them: only through the run's tools
 * ({@code list_data_sources}, {@code describe_source}, {@code profile_source}, {@code sample_rows},
 * {@code execute_sql}), so approvals and the tool-call audit apply. Catalogs are read once per run.
 */
public final class SourceSet {

  private final ToolExecutor tools;
  private final Map<String, SourceInfo> sources;
  private final Map<String, SourceCatalog> catalogs = new HashMap<>();
  private final Map<String, SourceCatalog> profiles = new HashMap<>();

  private SourceSet(ToolExecutor tools, Map<String, SourceInfo> sources) {
    this.tools = tools;
    this.sources = sources;
  }

  /** The sources attached to the engagement. */
  public static SourceSet attached(ToolExecutor tools) {
    Map<String, SourceInfo> sources = new LinkedHashMap<>();
    Object listed = tools.require("list_data_sources", Map.of());
    if (listed instanceof List<?> rows) {
      for (Object row : rows) {
        if (row instanceof Map<?, ?> m) {
          String id = String.valueOf(m.get("id"));
          sources.put(id, new SourceInfo(id, String.valueOf(m.get("name")), String.valueOf(m.get("source_type")),
              Boolean.TRUE.equals(m.get("connected"))));
        }
      }
    }
    return new SourceSet(tools, sources);
  }

  public List<SourceInfo> all() {
    return List.copyOf(sources.values());
  }

  public boolean isEmpty() {
    return sources.isEmpty();
  }

  /** The source with this id, or else with this name. */
  public Optional<SourceInfo> find(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    SourceInfo byId = sources.get(idOrName);
    if (byId != null) {
      return Optional.of(byId);
    }
    return sources.values().stream().filter(s -> s.name().equalsIgnoreCase(idOrName)).findFirst();
  }

  /** The structure of a source (tables, columns, keys, row counts), read once. */
  public SourceCatalog describe(String sourceId) {
    return catalogs.computeIfAbsent(sourceId, id -> (SourceCatalog) tools.require("describe_source",
        Map.of("source_id", id)));
  }

  /** The profile of some tables of a source (nulls, distincts, min/max, top values, quality), read once per run. */
  public SourceCatalog profile(String sourceId, List<String> tables, int topValues) {
    String key = sourceId + "|" + String.join(",", tables) + "|" + topValues;
    return profiles.computeIfAbsent(key, k -> {
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("source_id", sourceId);
      if (!tables.isEmpty()) {
        args.put("tables", tables);
      }
      args.put("top_values", topValues);
      return (SourceCatalog) tools.require("profile_source", args);
    });
  }

  /** A table of a source by name: {@code name}, {@code schema.name} or a file name with its extension. */
  public Optional<TableRef> table(String sourceId, String name) {
    Optional<SourceInfo> source = find(sourceId);
    if (source.isEmpty() || name == null) {
      return Optional.empty();
    }
    String wanted = name.strip();
    String lower = wanted.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv") || lower.endsWith(".tsv")) {
      wanted = wanted.substring(0, wanted.length() - 4);
    }
    List<TableInfo> tables = describe(source.get().id()).tables();
    for (TableInfo t : tables) {
      if (t.qualifiedName().equals(wanted)) {
        return Optional.of(new TableRef(source.get(), t));
      }
    }
    for (TableInfo t : tables) {
      if (t.name().equals(wanted)) {
        return Optional.of(new TableRef(source.get(), t));
      }
    }
    for (TableInfo t : tables) {
      if (t.name().equalsIgnoreCase(wanted) || t.qualifiedName().equalsIgnoreCase(wanted)) {
        return Optional.of(new TableRef(source.get(), t));
      }
    }
    return Optional.empty();
  }

  /** Runs one read-only statement through {@code execute_sql}; fails the run when the tool fails. */
  public QueryResult sql(String sourceId, String sql, List<?> params, int maxRows) {
    return (QueryResult) tools.require("execute_sql", sqlArgs(sourceId, sql, params, maxRows));
  }

  /** As {@link #sql} but a failing statement is an outcome (the error message), not an exception. */
  public ToolOutcome trySql(String sourceId, String sql, List<?> params, int maxRows) {
    return tools.call(null, "execute_sql", sqlArgs(sourceId, sql, params, maxRows));
  }

  /** The first rows of a table or CSV file, through {@code sample_rows} (at most 200). */
  public QueryResult sample(TableRef table, int maxRows) {
    return (QueryResult) tools.require("sample_rows", Map.of("source_id", table.source().id(), "table",
        table.sampleName(), "max_rows", Math.min(200, maxRows)));
  }

  /** The arguments of an {@code execute_sql} call: parameters as text, as the tool's schema declares them. */
  public static Map<String, Object> sqlArgs(String sourceId, String sql, List<?> params, int maxRows) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("source_id", sourceId);
    args.put("sql", sql);
    List<Object> values = new ArrayList<>();
    if (params != null) {
      values.addAll(params);
    }
    if (!values.isEmpty()) {
      args.put("params", values);
    }
    args.put("max_rows", Math.max(1, Math.min(1000, maxRows)));
    return args;
  }
}
