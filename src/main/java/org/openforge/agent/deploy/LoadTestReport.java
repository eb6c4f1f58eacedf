package org.openforge.agent.deploy;

import java.util.List;
import java.util.Map;

/**
 * The load_test_report artifact: the target and settings, and — when there was something to load — the warm-up, the
 * measured latencies, throughput and errors overall and per endpoint; then the verdict. A test that did not run
 * leaves the measurements out (null).
 */
public record LoadTestReport(int schemaVersion, Map<String, Object> target, Map<String, Object> settings,
    int requestMix, Map<String, Object> warmUp, Integer requests, Integer errors, Double errorRate, Long elapsedMs,
    Double throughputRps, Percentiles latencyMs, List<Map<String, Object>> endpoints,
    Map<String, Long> errorsByMessage, boolean passed, String verdict, String method, String dataApi) {

  public static final int SCHEMA_VERSION = 2;

  static LoadTestReport notRun(Map<String, Object> target, Map<String, Object> settings, String verdict) {
    return new LoadTestReport(SCHEMA_VERSION, target, settings, 0, null, null, null, null, null, null, null, null,
        null, false, verdict, LoadTest.METHOD, null);
  }
}
