package org.openforge.agent.build.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentResult;
import org.openforge.agent.build.BuildInputs;
import org.openforge.agent.build.BuildJson;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.Tables;
import org.openforge.agent.build.served.ServedApiReport;
import org.openforge.agent.build.served.ServedProducts;
import org.openforge.engagement.ArtifactService;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code integration_setup} agent. Its integration tests are HTTP calls against the data API the
 * platform serves over the product's published models ({@link ServedApiReport}: status, paging, a sort, a filter,
 * values checked against SQL on the target, refusals). It also exports an ontology-shaped API — per class a paged,
 * filterable list and a get by identifier, per reference the objects on either side — in OpenAPI 3 with the query
 * each operation would run against the source; those queries are checked through the agent's tools and reported
 * apart, as export checks ({@code x-openforge-export-checks}), not as integration tests.
 */
@Component
public class IntegrationSetupAgent implements Agent {

  public static final String TASK_TYPE = "integration_setup";
  public static final String KIND = "data_api";

  private final ArtifactService artifacts;
  private final BuildJson json;
  private final ServedProducts served;

  public IntegrationSetupAgent(ArtifactService artifacts, BuildJson json, ServedProducts served) {
    this.artifacts = artifacts;
    this.json = json;
    this.served = served;
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public AgentResult run(AgentContext context) {
    BuildInputs.Loaded loaded = BuildInputs.load(context, artifacts, json, "run the data API's integration tests");
    Tables tables = new Tables(loaded.sources());
    ApiPlanner planner = new ApiPlanner(loaded.binding(), tables::of);
    List<ClassBinding> classes = planner.served();
    if (classes.isEmpty()) {
      throw new AgentDeclinedException("none of the bound tables exists in its source: " + String.join(", ",
          loaded.binding().classes().stream().map(c -> c.className() + " → " + c.table()).toList()));
    }
    List<Endpoint> endpoints = planner.plan();
    context.progress("endpoints", endpoints.size() + " endpoints over " + classes.size() + " classes");
    EndpointRunner runner = new EndpointRunner(loaded.sources(), loaded.binding());
    List<ApiTest> tests = new IntegrationTests(runner, loaded.binding(),
        c -> tables.of(c).map(t -> t.source().jdbc()).orElse(false)).run(endpoints);
    int passed = (int) tests.stream().filter(ApiTest::passed).count();
    int failed = tests.size() - passed;
    context.progress("export_checks", passed + " of " + tests.size() + " export queries checked against the sources");
    ServedApiReport http = ServedApiReport.run(served, context.engagement(), "integration_setup " + context.task().id(),
        json.mapper());
    context.progress("integration_tests", http.run() ? http.passed() + " of " + http.tests().size()
        + " HTTP integration tests against " + http.baseUrl() + " passed" : "not run: " + http.reason());

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("run", true);
    report.put("method", "each operation's query run against the source through the agent's tools (execute_sql, "
        + "sample_rows): the exported API is not served");
    report.put("total", tests.size());
    report.put("passed", passed);
    report.put("failed", failed);
    report.put("page_size", IntegrationTests.PAGE);
    report.put("binding_origin", loaded.binding().origin());
    report.put("unmapped", loaded.binding().unmapped());
    report.put("warnings", loaded.binding().warnings());
    report.put("tests", tests);
    String title = context.engagement().name() == null ? "Open Forge" : context.engagement().name();
    Map<String, Object> doc = OpenApiWriter.document(title, loaded.binding(), classes, endpoints, report);
    doc.put("x-openforge-integration-tests", http.document());

    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("integration_tests_run", http.run() && !http.tests().isEmpty());
    metadata.put("integration_tests_passed", http.passed());
    metadata.put("integration_tests_failed", http.failed());
    metadata.put("integration_tests_method", "http");
    metadata.put("data_api", http.baseUrl());
    metadata.put("export_checks_passed", passed);
    metadata.put("export_checks_failed", failed);
    metadata.put("endpoint_count", endpoints.size());
    metadata.put("class_count", classes.size());
    String line = (http.run() ? "HTTP integration tests of the served data API " + http.passed() + " passed, "
        + http.failed() + " failed" : "HTTP integration tests not run: " + http.reason()) + "; exported API: "
        + endpoints.size() + " endpoints over " + classes.size() + " classes, " + passed + " of " + tests.size()
        + " export checks passed";
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("endpoints", endpoints.stream().map(e -> "GET " + e.path()).toList());
    outputs.put("integration_tests", BuildJson.map("run", http.run(), "total", http.tests().size(), "passed",
        http.passed(), "failed", http.failed(), "data_api", http.baseUrl()));
    outputs.put("failed_tests", http.tests().stream().filter(t -> !t.passed())
        .map(t -> t.name() + ": " + String.join("; ", t.failures())).toList());
    outputs.put("export_checks", BuildJson.map("total", tests.size(), "passed", passed, "failed", failed));
    outputs.put("failed_export_checks", tests.stream().filter(t -> !t.passed())
        .map(t -> t.name() + ": " + String.join("; ", t.failures())).toList());
    context.progress("done", line);
    double confidence = loaded.binding().mapping() != null ? 0.9 : 0.8;
    return new AgentResult(outputs, List.of(new ArtifactService.Draft("data-api.openapi.json", KIND,
        "application/json", json.write(doc), line, metadata)), confidence, line);
  }
}
