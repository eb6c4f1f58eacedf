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
import org.openforge.engagement.ArtifactService;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code integration_setup} agent: a read-only data API over the ontology — per class a paged,
 * filterable list and a get by identifier, per reference the object referred to and the objects referring — described
 * in OpenAPI 3 with the query each operation runs against the source, and its integration tests run for real: every
 * endpoint's query executed through the tools and the rows checked against the ontology (types, required slots,
 * enums, bounds, patterns, identifiers, order and paging).
 */
@Component
public class IntegrationSetupAgent implements Agent {

  public static final String TASK_TYPE = "integration_setup";
  public static final String KIND = "data_api";

  private final ArtifactService artifacts;
  private final BuildJson json;

  public IntegrationSetupAgent(ArtifactService artifacts, BuildJson json) {
    this.artifacts = artifacts;
    this.json = json;
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
    List<ClassBinding> served = planner.served();
    if (served.isEmpty()) {
      throw new AgentDeclinedException("none of the bound tables exists in its source: " + String.join(", ",
          loaded.binding().classes().stream().map(c -> c.className() + " → " + c.table()).toList()));
    }
    List<Endpoint> endpoints = planner.plan();
    context.progress("endpoints", endpoints.size() + " endpoints over " + served.size() + " classes");
    EndpointRunner runner = new EndpointRunner(loaded.sources(), loaded.binding());
    List<ApiTest> tests = new IntegrationTests(runner, loaded.binding(),
        c -> tables.of(c).map(t -> t.source().jdbc()).orElse(false)).run(endpoints);
    int passed = (int) tests.stream().filter(ApiTest::passed).count();
    int failed = tests.size() - passed;
    context.progress("integration_tests", passed + " of " + tests.size() + " integration tests passed");

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("run", true);
    report.put("total", tests.size());
    report.put("passed", passed);
    report.put("failed", failed);
    report.put("page_size", IntegrationTests.PAGE);
    report.put("binding_origin", loaded.binding().origin());
    report.put("unmapped", loaded.binding().unmapped());
    report.put("warnings", loaded.binding().warnings());
    report.put("tests", tests);
    String title = context.engagement().name() == null ? "Open Forge" : context.engagement().name();
    Map<String, Object> doc = OpenApiWriter.document(title, loaded.binding(), served, endpoints, report);

    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("integration_tests_run", !tests.isEmpty());
    metadata.put("integration_tests_passed", passed);
    metadata.put("integration_tests_failed", failed);
    metadata.put("endpoint_count", endpoints.size());
    metadata.put("class_count", served.size());
    String line = endpoints.size() + " endpoints over " + served.size() + " classes; integration tests " + passed
        + " passed, " + failed + " failed";
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("endpoints", endpoints.stream().map(e -> "GET " + e.path()).toList());
    outputs.put("integration_tests", BuildJson.map("total", tests.size(), "passed", passed, "failed", failed));
    outputs.put("failed_tests", tests.stream().filter(t -> !t.passed())
        .map(t -> t.name() + ": " + String.join("; ", t.failures())).toList());
    context.progress("done", line);
    double confidence = loaded.binding().mapping() != null ? 0.9 : 0.8;
    return new AgentResult(outputs, List.of(new ArtifactService.Draft("data-api.openapi.json", KIND,
        "application/json", json.write(doc), line, metadata)), confidence, line);
  }
}
