package org.openforge.agent.build.integration;

import java.util.List;
import java.util.Map;

/**
 * One integration test of the data API: the endpoint called, the request as a URL, the statements run against the
 * source, the rows returned, the outcome and what failed.
 */
public record ApiTest(String name, String operationId, String request, String expectation,
    List<Map<String, Object>> executed, int rows, String status, List<String> failures, long elapsedMs) {

  public ApiTest {
    executed = List.copyOf(executed);
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return "passed".equals(status);
  }
}
