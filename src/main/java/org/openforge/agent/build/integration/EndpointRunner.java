package org.openforge.agent.build.integration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.build.Binding;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.SourceSet;
import org.openforge.agent.build.TableRef;
import org.openforge.agent.build.ValueTypes;
import org.openforge.agent.tool.ToolOutcome;
import org.openforge.datasource.catalog.QueryResult;

/**
 * Runs an endpoint's query for real, through the run's tools: the SQL statement through {@code execute_sql} (filters
 * and path parameters bound as text and cast in SQL, paging as numbers), the CSV scan over the file's first rows
 * ({@code sample_rows}, at most 200) filtered, ordered and paged in memory, related objects in another source in two
 * steps.
 */
public final class EndpointRunner {

  /** The most rows a list endpoint returns in one page. */
  public static final int MAX_PAGE = 500;

  private final SourceSet sources;
  private final Binding binding;

  public EndpointRunner(SourceSet sources, Binding binding) {
    this.sources = sources;
    this.binding = binding;
  }

  public ApiResponse run(Endpoint endpoint, ApiRequest request) {
    long started = System.nanoTime();
    List<Map<String, Object>> executed = new ArrayList<>();
    try {
      Page page = run(endpoint, endpoint.query(), request, executed);
      return new ApiResponse(page.rows, executed, page.scanned, page.truncated,
          (System.nanoTime() - started) / 1_000_000, null);
    } catch (QueryFailed e) {
      return new ApiResponse(List.of(), executed, null, null, (System.nanoTime() - started) / 1_000_000,
          e.getMessage());
    }
  }

  /** The SQL statement and parameters an endpoint runs for a request (databases). */
  public static Map<String, Object> statement(EndpointQuery q, ApiRequest request) {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (q.filters() != null) {
      request.filters().forEach((slot, value) -> {
        String predicate = q.filters().get(slot);
        if (predicate == null) {
          throw new IllegalArgumentException("no filter on " + slot);
        }
        conditions.add(predicate);
        params.add(value);
      });
    }
    for (String name : q.parameters()) {
      switch (name) {
        case "limit" -> params.add((long) Math.min(MAX_PAGE, Math.max(1, request.limit())));
        case "offset" -> params.add((long) Math.max(0, request.offset()));
        default -> params.add(request.path().get(name));
      }
    }
    String sql = q.statement().replace("{filters}", conditions.isEmpty() ? ""
        : "where " + String.join(" and ", conditions)).replace("  ", " ");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sql", sql);
    out.put("params", params);
    return out;
  }

  private record Page(List<Map<String, Object>> rows, Integer scanned, Boolean truncated) {}

  private static final class QueryFailed extends RuntimeException {
    QueryFailed(String message) {
      super(message);
    }
  }

  private Page run(Endpoint endpoint, EndpointQuery q, ApiRequest request, List<Map<String, Object>> executed) {
    switch (q.language()) {
      case "sql" -> {
        Map<String, Object> st = statement(q, request);
        executed.add(st);
        @SuppressWarnings("unchecked")
        List<Object> params = (List<Object>) st.get("params");
        ToolOutcome outcome = sources.trySql(q.sourceId(), (String) st.get("sql"), params, MAX_PAGE);
        if (!outcome.ok()) {
          throw new QueryFailed(outcome.message());
        }
        QueryResult result = (QueryResult) outcome.result();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> raw : result.rows()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 0; i < result.columns().size(); i++) {
            row.put(result.columns().get(i), raw.get(i));
          }
          rows.add(row);
        }
        return new Page(rows, null, null);
      }
      case "csv_scan" -> {
        return scan(q, request, executed);
      }
      case "steps" -> {
        EndpointQuery first = q.steps().get(0);
        Page owner = run(endpoint, first, request, executed);
        if (owner.rows.isEmpty() || owner.rows.get(0).get(endpoint.slot()) == null) {
          return new Page(List.of(), owner.scanned, owner.truncated);
        }
        EndpointQuery second = q.steps().get(1);
        String param = second.language().equals("sql") ? second.parameters().get(0) : second.param();
        return run(endpoint, second, ApiRequest.byPath(param, text(owner.rows.get(0).get(endpoint.slot()))),
            executed);
      }
      default -> throw new IllegalStateException("unknown query language " + q.language());
    }
  }

  private Page scan(EndpointQuery q, ApiRequest request, List<Map<String, Object>> executed) {
    ClassBinding c = binding.classBinding(q.className())
        .orElseThrow(() -> new IllegalStateException("no class " + q.className()));
    Optional<TableRef> table = sources.table(q.sourceId(), q.file());
    if (table.isEmpty()) {
      throw new QueryFailed("no file " + q.file() + " in the source");
    }
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("scan", q.file());
    String wanted = q.param() == null ? null : request.path().get(q.param());
    st.put("match", q.match() == null ? null : Map.of(q.match(), String.valueOf(wanted)));
    st.put("filters", request.filters());
    executed.add(st);
    QueryResult sample = sources.sample(table.get(), 200);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> raw : sample.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      q.columns().forEach((slot, column) -> {
        int i = sample.columns().indexOf(column);
        Object v = i < 0 ? null : raw.get(i);
        row.put(slot, v instanceof String s && s.isEmpty() ? null : v);
      });
      rows.add(row);
    }
    List<Map<String, Object>> kept = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      boolean match = q.match() == null || equal(c, q.match(), row.get(q.match()), wanted);
      for (Map.Entry<String, String> f : request.filters().entrySet()) {
        match &= equal(c, f.getKey(), row.get(f.getKey()), f.getValue());
      }
      if (match) {
        kept.add(row);
      }
    }
    if (q.orderBy() != null) {
      String base = c.slot(q.orderBy()).map(SlotBinding::baseType).orElse("string");
      kept.sort(Comparator.comparing(r -> r.get(q.orderBy()), (a, b) -> compare(a, b, base)));
    }
    boolean paged = q.match() == null || !q.match().equals(q.orderBy());
    List<Map<String, Object>> page = paged ? kept.subList(Math.min(kept.size(), request.offset()),
        Math.min(kept.size(), request.offset() + Math.min(MAX_PAGE, request.limit()))) : kept;
    return new Page(new ArrayList<>(page), sample.rows().size(), sample.truncated());
  }

  private static boolean equal(ClassBinding c, String slot, Object value, String wanted) {
    if (value == null || wanted == null) {
      return false;
    }
    String base = c.slot(slot).map(SlotBinding::baseType).orElse("string");
    if (ValueTypes.numeric(base)) {
      Optional<Integer> cmp = ValueTypes.convert(wanted, "decimal").flatMap(w -> ValueTypes.compare(value,
          (java.math.BigDecimal) w));
      return cmp.isPresent() && cmp.get() == 0;
    }
    return text(value).equals(wanted);
  }

  private static int compare(Object a, Object b, String base) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (ValueTypes.numeric(base)) {
      Optional<Object> x = ValueTypes.convert(a, "decimal");
      Optional<Object> y = ValueTypes.convert(b, "decimal");
      if (x.isPresent() && y.isPresent()) {
        return ((java.math.BigDecimal) x.get()).compareTo((java.math.BigDecimal) y.get());
      }
      return x.isPresent() ? -1 : (y.isPresent() ? 1 : text(a).compareTo(text(b)));
    }
    return text(a).compareTo(text(b));
  }

  static String text(Object value) {
    if (value instanceof java.math.BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}
