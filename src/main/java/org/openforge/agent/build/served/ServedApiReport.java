package org.openforge.agent.build.served;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.engagement.Engagement;

/**
 * Runs the served data API's integration tests for an agent run: finds the version the latest pipeline run published,
 * issues a product key for the run (revoked after), calls the API over HTTP on the platform's own address and
 * reports each call. When nothing is served yet, the report says why and counts as not run.
 */
public record ServedApiReport(boolean run, String reason, String product, Integer version, String baseUrl,
    List<HttpTest> tests) {

  public static ServedApiReport run(ServedProducts served, Engagement engagement, String runName,
      ObjectMapper mapper) {
    Optional<String> base = served.baseUrl();
    if (base.isEmpty()) {
      return new ServedApiReport(false, "the platform is not serving HTTP: nothing was called", null, null, null,
          List.of());
    }
    Optional<ServedProducts.Built> built = served.built(engagement);
    if (built.isEmpty() || built.get().models().isEmpty()) {
      return new ServedApiReport(false, "no version of the product is published in the target yet: the Build's "
          + "pipeline run publishes it (see GET /api/v1/engagements/" + engagement.id() + "/pipeline-runs)",
          null, null, base.get(), List.of());
    }
    try (ServedProducts.Access access = served.access(engagement, runName)) {
      DataApiHttp http = new DataApiHttp(base.get(), built.get().product(), access.secret(), mapper);
      DataApiHttp anonymous = new DataApiHttp(base.get(), built.get().product(), null, mapper);
      List<HttpTest> tests = new ServedApiTests(http, anonymous, served, engagement).run(built.get());
      return new ServedApiReport(true, null, built.get().product(), built.get().version(), http.base(), tests);
    }
  }

  public int passed() {
    return (int) tests.stream().filter(HttpTest::passed).count();
  }

  public int failed() {
    return tests.size() - passed();
  }

  /** The report as it goes into the OpenAPI export's {@code x-openforge-integration-tests}. */
  public Map<String, Object> document() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run", run);
    out.put("method", "HTTP GET against the served data API (stage preview) on the platform's own address, with a "
        + "product key issued for the run and revoked after; answers checked against SQL on the target");
    if (reason != null) {
      out.put("reason", reason);
    }
    out.put("data_api", baseUrl);
    out.put("product", product);
    out.put("version", version);
    out.put("total", tests.size());
    out.put("passed", passed());
    out.put("failed", failed());
    out.put("tests", tests);
    return out;
  }
}
