package org.openforge.agent.build.integration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openforge.agent.build.Binding;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.ValueTypes;

/**
 * The data API's integration tests, run for real against the source: per class the first page (rows conform to the
 * ontology, ordered by identifier, no identifier twice), the second page (continues after the first), a filter (every
 * row has the value), a get by identifier (exactly that object), a get of an identifier that does not exist (nothing),
 * and per reference the object referred to and the objects referring. Requests use values from the first page, so
 * the same data gives the same tests.
 */
public final class IntegrationTests {

  static final int PAGE = 50;
  static final int MAX_FAILURES = 5;

  private final EndpointRunner runner;
  private final Binding binding;
  private final Map<String, Map<String, Object>> firstRows = new LinkedHashMap<>();

  private final java.util.function.Predicate<ClassBinding> jdbc;

  /** @param jdbc whether a class is served from a database (computed slots are served from databases only) */
  public IntegrationTests(EndpointRunner runner, Binding binding, java.util.function.Predicate<ClassBinding> jdbc) {
    this.runner = runner;
    this.binding = binding;
    this.jdbc = jdbc;
  }

  public List<ApiTest> run(List<Endpoint> endpoints) {
    List<ApiTest> tests = new ArrayList<>();
    for (Endpoint e : endpoints) {
      ClassBinding c = binding.classBinding(e.className()).orElseThrow();
      switch (e.kind()) {
        case "list" -> tests.addAll(list(e, c));
        case "get" -> tests.addAll(get(e, c));
        case "related_one" -> relatedOne(e, c).ifPresent(tests::add);
        case "related_many" -> relatedMany(e, c).ifPresent(tests::add);
        default -> throw new IllegalStateException("unknown endpoint kind " + e.kind());
      }
    }
    return tests;
  }

  private List<ApiTest> list(Endpoint e, ClassBinding c) {
    List<ApiTest> out = new ArrayList<>();
    ApiRequest first = ApiRequest.page(PAGE, 0);
    ApiResponse page1 = runner.run(e, first);
    List<String> failures = new ArrayList<>();
    if (page1.ok()) {
      if (page1.rows().size() > PAGE) {
        failures.add("returned " + page1.rows().size() + " rows for limit " + PAGE);
      }
      if (page1.rows().isEmpty()) {
        failures.add("returned no rows");
      }
      conform(c, page1.rows(), failures);
      ordered(c, page1.rows(), failures);
      if (!page1.rows().isEmpty()) {
        firstRows.put(c.className(), page1.rows().get(0));
      }
    }
    out.add(test(e.operationId() + ".first_page", e, first.url(e.path(), true), "up to " + PAGE + " objects that "
        + "conform to " + c.className() + ", ordered by identifier, none twice", page1, failures));

    ApiRequest second = ApiRequest.page(PAGE, PAGE);
    ApiResponse page2 = runner.run(e, second);
    List<String> failures2 = new ArrayList<>();
    if (page2.ok()) {
      conform(c, page2.rows(), failures2);
      Optional<SlotBinding> id = ApiPlanner.idSlot(c);
      if (id.isPresent() && page1.ok() && page1.rows().size() == PAGE && !page2.rows().isEmpty()) {
        Object last = page1.rows().get(PAGE - 1).get(id.get().slot());
        Object next = page2.rows().get(0).get(id.get().slot());
        if (compare(next, last, id.get().baseType()) <= 0) {
          failures2.add("the second page starts at " + next + ", not after the first page's last " + last);
        }
      }
      if (page1.ok() && page1.rows().size() < PAGE && !page2.rows().isEmpty()) {
        failures2.add("the first page was not full, yet the second page has " + page2.rows().size() + " rows");
      }
    }
    out.add(test(e.operationId() + ".second_page", e, second.url(e.path(), true), "the objects after the first "
        + "page, in order", page2, failures2));

    Optional<SlotBinding> filter = filterSlot(c);
    Map<String, Object> row = firstRows.get(c.className());
    if (filter.isPresent() && row != null && row.get(filter.get().slot()) != null) {
      String value = EndpointRunner.text(row.get(filter.get().slot()));
      ApiRequest filtered = new ApiRequest(Map.of(), Map.of(filter.get().slot(), value), PAGE, 0);
      ApiResponse response = runner.run(e, filtered);
      List<String> failures3 = new ArrayList<>();
      if (response.ok()) {
        if (response.rows().isEmpty()) {
          failures3.add("no rows, though the first page has " + filter.get().slot() + " = " + value);
        }
        for (Map<String, Object> r : response.rows()) {
          if (!value.equals(EndpointRunner.text(r.get(filter.get().slot()))) && failures3.size() < MAX_FAILURES) {
            failures3.add("row with " + filter.get().slot() + " = " + r.get(filter.get().slot()));
          }
        }
        conform(c, response.rows(), failures3);
      }
      out.add(test(e.operationId() + ".filter_" + filter.get().slot(), e, filtered.url(e.path(), true),
          "only objects with " + filter.get().slot() + " = " + value, response, failures3));
    }
    return out;
  }

  private List<ApiTest> get(Endpoint e, ClassBinding c) {
    List<ApiTest> out = new ArrayList<>();
    SlotBinding id = ApiPlanner.idSlot(c).orElseThrow();
    Map<String, Object> row = firstRows.get(c.className());
    if (row != null && row.get(id.slot()) != null) {
      String value = EndpointRunner.text(row.get(id.slot()));
      ApiRequest request = ApiRequest.byPath(id.slot(), value);
      ApiResponse response = runner.run(e, request);
      List<String> failures = new ArrayList<>();
      if (response.ok()) {
        if (response.rows().size() != 1) {
          failures.add("returned " + response.rows().size() + " objects for " + id.slot() + " = " + value
              + ", expected exactly one");
        }
        response.rows().stream().filter(r -> !value.equals(EndpointRunner.text(r.get(id.slot())))).findFirst()
            .ifPresent(r -> failures.add("returned " + id.slot() + " = " + r.get(id.slot())));
        conform(c, response.rows(), failures);
      }
      out.add(test(e.operationId() + ".by_identifier", e, request.url(e.path(), false), "exactly the " + c.className()
          + " with " + id.slot() + " = " + value, response, failures));
    }
    String missing = ValueTypes.numeric(id.baseType()) ? "-987654321" : "__open_forge_missing__";
    ApiRequest request = ApiRequest.byPath(id.slot(), missing);
    ApiResponse response = runner.run(e, request);
    List<String> failures = new ArrayList<>();
    if (response.ok() && !response.rows().isEmpty()) {
      failures.add("returned " + response.rows().size() + " objects for an identifier that does not exist");
    }
    out.add(test(e.operationId() + ".unknown_identifier", e, request.url(e.path(), false), "no object (404)",
        response, failures));
    return out;
  }

  private Optional<ApiTest> relatedOne(Endpoint e, ClassBinding c) {
    SlotBinding id = ApiPlanner.idSlot(c).orElseThrow();
    Map<String, Object> row = firstRows.get(c.className());
    SlotBinding ref = c.slot(e.slot()).orElseThrow();
    if (row == null || row.get(id.slot()) == null || row.get(ref.slot()) == null) {
      return Optional.empty();
    }
    ClassBinding target = binding.classBinding(e.targetClass()).orElseThrow();
    SlotBinding tid = ApiPlanner.idSlot(target).orElseThrow();
    String expected = EndpointRunner.text(row.get(ref.slot()));
    ApiRequest request = ApiRequest.byPath(id.slot(), EndpointRunner.text(row.get(id.slot())));
    ApiResponse response = runner.run(e, request);
    List<String> failures = new ArrayList<>();
    if (response.ok()) {
      if (response.rows().size() != 1) {
        failures.add("returned " + response.rows().size() + " " + target.className() + " objects for "
            + ref.slot() + " = " + expected + ", expected exactly one");
      }
      response.rows().stream().filter(r -> !same(r.get(tid.slot()), expected, tid.baseType())).findFirst()
          .ifPresent(r -> failures.add("returned " + tid.slot() + " = " + r.get(tid.slot()) + ", expected "
              + expected));
      conform(target, response.rows(), failures);
    }
    return Optional.of(test(e.operationId() + ".follows_" + ref.slot(), e, request.url(e.path(), false),
        "the " + target.className() + " with " + tid.slot() + " = " + expected, response, failures));
  }

  private Optional<ApiTest> relatedMany(Endpoint e, ClassBinding c) {
    ClassBinding target = binding.classBinding(e.targetClass()).orElseThrow();
    SlotBinding ref = c.slot(e.slot()).orElseThrow();
    SlotBinding tid = ApiPlanner.idSlot(target).orElseThrow();
    Map<String, Object> row = firstRows.get(c.className());
    if (row == null || row.get(ref.slot()) == null) {
      return Optional.empty();
    }
    String value = EndpointRunner.text(row.get(ref.slot()));
    ApiRequest request = new ApiRequest(Map.of(tid.slot(), value), Map.of(), PAGE, 0);
    ApiResponse response = runner.run(e, request);
    List<String> failures = new ArrayList<>();
    if (response.ok()) {
      if (response.rows().isEmpty()) {
        failures.add("no " + c.className() + " objects, though the first " + c.className() + " has " + ref.slot()
            + " = " + value);
      }
      for (Map<String, Object> r : response.rows()) {
        if (!same(r.get(ref.slot()), value, ref.baseType()) && failures.size() < MAX_FAILURES) {
          failures.add("row with " + ref.slot() + " = " + r.get(ref.slot()));
        }
      }
      conform(c, response.rows(), failures);
      ordered(c, response.rows(), failures);
    }
    return Optional.of(test(e.operationId() + ".lists_referring", e, request.url(e.path(), true),
        "the " + c.className() + " objects with " + ref.slot() + " = " + value, response, failures));
  }

  /** The slot a list test filters on: an enum, else a reference, else a boolean, else a text slot that is no id. */
  static Optional<SlotBinding> filterSlot(ClassBinding c) {
    List<SlotBinding> candidates = ApiPlanner.filterable(c).stream().filter(s -> !s.identifier()).toList();
    return candidates.stream().filter(s -> !s.enumValues().isEmpty()).findFirst()
        .or(() -> candidates.stream().filter(SlotBinding::reference).findFirst())
        .or(() -> candidates.stream().filter(s -> s.baseType().equals("boolean")).findFirst())
        .or(() -> candidates.stream().filter(s -> s.baseType().equals("string")).findFirst());
  }

  private void conform(ClassBinding c, List<Map<String, Object>> rows, List<String> failures) {
    java.util.Set<String> served = new java.util.HashSet<>();
    ApiPlanner.fields(c, jdbc.test(c)).forEach(s -> served.add(s.slot()));
    for (Map<String, Object> row : rows) {
      List<String> problems = Conformance.problems(c, row, served);
      if (!problems.isEmpty() && failures.size() < MAX_FAILURES) {
        Object id = c.identifier() == null ? null : row.get(c.identifier());
        failures.add(c.className() + (id == null ? "" : " " + id) + ": " + String.join("; ", problems));
      }
    }
  }

  private static void ordered(ClassBinding c, List<Map<String, Object>> rows, List<String> failures) {
    Optional<SlotBinding> id = ApiPlanner.idSlot(c);
    if (id.isEmpty()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    Object previous = null;
    for (Map<String, Object> row : rows) {
      Object v = row.get(id.get().slot());
      if (v != null && !seen.add(EndpointRunner.text(v)) && failures.size() < MAX_FAILURES) {
        failures.add(id.get().slot() + " " + v + " returned twice");
      }
      if (previous != null && v != null && compare(v, previous, id.get().baseType()) < 0
          && failures.size() < MAX_FAILURES) {
        failures.add("not ordered by " + id.get().slot() + ": " + v + " after " + previous);
      }
      previous = v;
    }
  }

  private static boolean same(Object value, String expected, String baseType) {
    return value != null && (ValueTypes.numeric(baseType) ? compare(value, expected, baseType) == 0
        : EndpointRunner.text(value).equals(expected));
  }

  private static int compare(Object a, Object b, String baseType) {
    if (ValueTypes.numeric(baseType)) {
      Optional<Object> x = ValueTypes.convert(a, "decimal");
      Optional<Object> y = ValueTypes.convert(b, "decimal");
      if (x.isPresent() && y.isPresent()) {
        return ((java.math.BigDecimal) x.get()).compareTo((java.math.BigDecimal) y.get());
      }
    }
    return EndpointRunner.text(a).compareTo(EndpointRunner.text(b));
  }

  private static ApiTest test(String name, Endpoint e, String url, String expectation, ApiResponse response,
      List<String> failures) {
    List<String> all = new ArrayList<>();
    if (!response.ok()) {
      all.add("the query failed: " + response.error());
    }
    all.addAll(failures);
    return new ApiTest(name, e.operationId(), "GET " + url, expectation, response.executed(), response.rows().size(),
        all.isEmpty() ? "passed" : "failed", all, response.elapsedMs());
  }
}
