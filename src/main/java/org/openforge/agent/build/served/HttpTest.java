package org.openforge.agent.build.served;

import java.util.List;
import java.util.Map;

/**
 * One integration test of the served data API: the HTTP calls it made (URL, status, time), the SQL it ran on the
 * target to check an answer, the outcome and what failed.
 */
public record HttpTest(String name, String model, String expectation, List<Map<String, Object>> calls,
    List<Map<String, Object>> sql, String status, List<String> failures) {

  public HttpTest {
    calls = List.copyOf(calls);
    sql = List.copyOf(sql);
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return "passed".equals(status);
  }
}
