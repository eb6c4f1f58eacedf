package org.openforge.agent.build.served;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.openforge.engagement.Engagement;

/**
 * The integration tests of a served data product, made over HTTP: the OpenAPI document lists every model; per model
 * (at most {@link #MAX_MODELS}) a page with its total checked against {@code count(*)} on the target, paging,
 * a sort, a filter with its total checked against SQL, a column's sum checked against SQL, an unknown column refused
 * and a conditional GET; and an unauthenticated call refused.
 */
public final class ServedApiTests {

  public static final int MAX_MODELS = 8;

  private final DataApiHttp http;
  private final DataApiHttp anonymous;
  private final ServedProducts served;
  private final Engagement engagement;
  private final List<HttpTest> tests = new ArrayList<>();

  public ServedApiTests(DataApiHttp http, DataApiHttp anonymous, ServedProducts served, Engagement engagement) {
    this.http = http;
    this.anonymous = anonymous;
    this.served = served;
    this.engagement = engagement;
  }

  public List<HttpTest> run(ServedProducts.Built built) {
    test("openapi_lists_models", null, "GET openapi.json is 200 and has a path per published model", t -> {
      DataApiHttp.Call call = t.call(http.get("/openapi.json"));
      if (t.status(call, 200)) {
        for (ServedProducts.Model m : built.models()) {
          t.check(call.body().path("paths").has("/" + m.name()), "no path /" + m.name() + " in the document");
        }
      }
    });
    test("unauthenticated_refused", null, "a call without a key is 401", t ->
        t.status(t.call(anonymous.get("/openapi.json")), 401));
    for (ServedProducts.Model m : built.models().stream().limit(MAX_MODELS).toList()) {
      model(m);
    }
    return List.copyOf(tests);
  }

  private void model(ServedProducts.Model m) {
    String path = "/" + m.name();
    String allColumns = String.join(",", m.columns().stream().map(ServedProducts.Column::name).toList());
    JsonNode[] first = new JsonNode[1];
    test(m.name() + ".page_total", m.name(), "a page of at most 5 rows; X-Total-Count equals count(*) on the target",
        t -> {
          DataApiHttp.Call call = t.call(http.get(path + "?page_size=5&sort=" + DataApiHttp.encode(allColumns)));
          if (t.status(call, 200)) {
            first[0] = call.body().path("items");
            t.check(first[0].size() <= 5, "the page has " + first[0].size() + " rows, more than page_size 5");
            t.equal("X-Total-Count", call.headers().get("x_total_count"), t.fact(served.count(engagement, m.name(),
                null, null)));
          }
        });
    test(m.name() + ".paging", m.name(), "page 2 of size 1 is the 2nd row of page 1 of size 2 (same sort)", t -> {
      String sort = "&sort=" + DataApiHttp.encode(allColumns);
      DataApiHttp.Call two = t.call(http.get(path + "?page=1&page_size=2" + sort));
      DataApiHttp.Call second = t.call(http.get(path + "?page=2&page_size=1" + sort));
      if (t.status(two, 200) && t.status(second, 200) && two.body().path("items").size() == 2) {
        t.check(two.body().path("items").get(1).equals(second.body().path("items").get(0)),
            "page 2 gave " + second.body().path("items") + ", not " + two.body().path("items").get(1));
      }
    });
    Optional<ServedProducts.Column> number = m.columns().stream().filter(c -> c.kind().equals("number")).findFirst();
    ServedProducts.Column sortBy = number.orElse(m.columns().get(0));
    test(m.name() + ".sort", m.name(), "sort=-" + sortBy.name() + " returns rows in descending order", t -> {
      DataApiHttp.Call call = t.call(http.get(path + "?page_size=50&sort=-" + DataApiHttp.encode(sortBy.name())));
      if (t.status(call, 200)) {
        JsonNode previous = null;
        for (JsonNode row : call.body().path("items")) {
          JsonNode value = row.path(sortBy.name());
          if (previous != null && !value.isNull() && !previous.isNull()) {
            t.check(compare(previous, value) >= 0, previous + " comes before " + value);
          }
          t.check(previous == null || !previous.isNull() || value.isNull(), "a null sorts before a value");
          previous = value;
        }
      }
    });
    filter(m, path, first[0]);
    number.ifPresent(n -> test(m.name() + ".sum", m.name(), "the summary's sum of " + n.name()
        + " equals sum() on the target", t -> {
          DataApiHttp.Call call = t.call(http.get(path + "/summary"));
          if (t.status(call, 200)) {
            JsonNode sum = call.body().path("columns").path(n.name()).path("sum");
            ServedProducts.Fact fact = served.sum(engagement, m.name(), n.name());
            t.fact(fact);
            t.check(close(sum, fact.value()), "the API says " + sum + ", SQL says " + fact.value());
          }
        }));
    test(m.name() + ".unknown_column", m.name(), "a filter on an unknown column is 400 naming it", t -> {
      DataApiHttp.Call call = t.call(http.get(path + "?no_such_column__gte=1"));
      if (t.status(call, 400)) {
        t.check(String.valueOf(call.body()).contains("no_such_column"), "the problem does not name the column");
      }
    });
    test(m.name() + ".etag", m.name(), "If-None-Match with the page's ETag is 304", t -> {
      DataApiHttp.Call call = t.call(http.get(path + "?page_size=1"));
      String etag = call.headers().get("etag");
      if (t.status(call, 200) && t.check(etag != null, "no ETag")) {
        t.status(t.call(http.get(path + "?page_size=1", Map.of("If-None-Match", etag))), 304);
      }
    });
  }

  private void filter(ServedProducts.Model m, String path, JsonNode rows) {
    if (rows == null || rows.isEmpty()) {
      return;
    }
    Optional<ServedProducts.Column> column = m.columns().stream()
        .filter(c -> c.kind().equals("text") || c.kind().equals("number"))
        .filter(c -> !rows.get(0).path(c.name()).isNull()).findFirst();
    if (column.isEmpty()) {
      return;
    }
    String name = column.get().name();
    JsonNode value = rows.get(0).path(name);
    test(m.name() + ".filter", m.name(), name + "=" + value.asText() + " returns only such rows; X-Total-Count "
        + "equals count(*) where " + name + " = that value on the target", t -> {
          DataApiHttp.Call call = t.call(http.get(path + "?page_size=100&" + DataApiHttp.encode(name) + "="
              + DataApiHttp.encode(value.asText())));
          if (t.status(call, 200)) {
            for (JsonNode row : call.body().path("items")) {
              t.check(compare(row.path(name), value) == 0, "a row has " + name + " = " + row.path(name));
            }
            t.equal("X-Total-Count", call.headers().get("x_total_count"),
                t.fact(served.count(engagement, m.name(), name, value.asText())));
          }
        });
  }

  private void test(String name, String model, String expectation, Consumer<Recorder> body) {
    Recorder r = new Recorder();
    try {
      body.accept(r);
    } catch (RuntimeException e) {
      r.failures.add("the test could not run: " + e.getMessage());
    }
    tests.add(new HttpTest(name, model, expectation, r.calls, r.sql, r.failures.isEmpty() ? "passed" : "failed",
        r.failures));
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.asText().compareTo(b.asText());
  }

  private static boolean close(JsonNode api, Object sql) {
    if (sql == null || api.isNull() || api.isMissingNode()) {
      return sql == null && (api.isNull() || api.isMissingNode());
    }
    BigDecimal a = api.decimalValue();
    BigDecimal b = new BigDecimal(sql.toString());
    BigDecimal tolerance = b.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-9"));
    return a.subtract(b).abs().compareTo(tolerance) <= 0;
  }

  /** What one test called, ran and found. */
  private static final class Recorder {
    final List<Map<String, Object>> calls = new ArrayList<>();
    final List<Map<String, Object>> sql = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    DataApiHttp.Call call(DataApiHttp.Call call) {
      calls.add(call.evidence());
      return call;
    }

    Object fact(ServedProducts.Fact fact) {
      Map<String, Object> ran = new LinkedHashMap<>();
      ran.put("sql", fact.sql());
      ran.put("params", fact.params());
      ran.put("value", fact.value());
      sql.add(ran);
      return fact.value();
    }

    boolean status(DataApiHttp.Call call, int expected) {
      return check(call.status() == expected, call.method() + " " + call.url() + " answered " + call.status()
          + (call.error() == null ? "" : " (" + call.error() + ")") + ", expected " + expected);
    }

    void equal(String what, String api, Object sql) {
      check(api != null && sql != null && api.equals(sql.toString()), what + " is " + api + ", SQL says " + sql);
    }

    boolean check(boolean ok, String failure) {
      if (!ok) {
        failures.add(failure);
      }
      return ok;
    }
  }
}
