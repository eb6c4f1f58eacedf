package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.AgentContext;
import org.openforge.agent.tool.ToolOutcome;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.datasource.catalog.SourceCatalog;

/**
 * The data tools as the design agents use them — always through the run's tool executor, so tool approvals and the
 * tool-call audit apply. A failing tool is an outcome the caller reports, not an exception.
 */
final class DataTools {

  private final AgentContext context;
  private final DesignJson json;

  DataTools(AgentContext context, DesignJson json) {
    this.json = json;
    this.context = context;
  }

  /** The result of one tool call: a value, or why there is none. */
  record Result<T>(T value, String error) {
    boolean ok() {
      return error == null;
    }
  }

  List<AttachedSource> attached() {
    Object result = context.tools().require("list_data_sources", Map.of());
    List<AttachedSource> sources = new ArrayList<>();
    for (Object item : (List<?>) result) {
      Map<?, ?> row = (Map<?, ?>) item;
      sources.add(new AttachedSource(String.valueOf(row.get("id")), String.valueOf(row.get("name")),
          String.valueOf(row.get("source_type")), Boolean.TRUE.equals(row.get("connected"))));
    }
    return sources;
  }

  /** Structure only: tables, columns, keys, row counts. */
  Result<SourceCatalog> describe(String sourceId) {
    return catalog("describe_source", sourceId, List.of(), null);
  }

  /** Structure with profiles and quality; {@code tables} empty for all, {@code topValues} null for the default. */
  Result<SourceCatalog> profile(String sourceId, List<String> tables, Integer topValues) {
    return catalog("profile_source", sourceId, tables, topValues);
  }

  Result<QueryResult> sql(String sourceId, String sql, List<String> params, int maxRows) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("source_id", sourceId);
    args.put("sql", sql);
    args.put("params", params);
    args.put("max_rows", maxRows);
    return result(context.tools().call(null, "execute_sql", args), QueryResult.class);
  }

  Result<QueryResult> sample(String sourceId, String table, int maxRows) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("source_id", sourceId);
    args.put("table", table);
    args.put("max_rows", maxRows);
    return result(context.tools().call(null, "sample_rows", args), QueryResult.class);
  }

  private Result<SourceCatalog> catalog(String tool, String sourceId, List<String> tables, Integer topValues) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("source_id", sourceId);
    if (!tables.isEmpty()) {
      args.put("tables", tables);
    }
    if (topValues != null) {
      args.put("top_values", topValues);
    }
    return result(context.tools().call(null, tool, args), SourceCatalog.class);
  }

  private <T> Result<T> result(ToolOutcome outcome, Class<T> type) {
    if (!outcome.ok()) {
      return new Result<>(null, outcome.message());
    }
    return new Result<>(json.as(outcome.result(), type), null);
  }

  DesignJson json() {
    return json;
  }
}
