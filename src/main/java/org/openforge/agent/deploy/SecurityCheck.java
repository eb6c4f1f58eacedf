package org.openforge.agent.deploy;

import java.util.Map;

/**
 * One check of the security review and its outcome.
 *
 * @param status {@code pass}, {@code fail} or {@code not_applicable}
 * @param severity how bad a failure is: {@code high}, {@code medium} or {@code low} ({@code info} for passes)
 * @param evidence what was measured or read, never a credential
 */
public record SecurityCheck(String id, String category, String title, String status, String severity,
    String detail, Map<String, Object> evidence, String recommendation) {

  static SecurityCheck pass(String id, String category, String title, String detail, Map<String, Object> evidence) {
    return new SecurityCheck(id, category, title, "pass", "info", detail, evidence, null);
  }

  static SecurityCheck fail(String id, String category, String title, String severity, String detail,
      Map<String, Object> evidence, String recommendation) {
    return new SecurityCheck(id, category, title, "fail", severity, detail, evidence, recommendation);
  }

  public boolean failed(String level) {
    return "fail".equals(status) && level.equals(severity);
  }
}
