package org.openforge.agent.deploy;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A problem the validation found: {@code error} (the deployment would fail or be unsafe) or {@code warning}; a
 * stable {@code code}; the object ({@code Deployment/sales-api}, {@code compose/api}) and the field path concerned.
 */
public record ManifestIssue(String severity, String code, String object, String path, String message) {

  static ManifestIssue error(String code, String object, String path, String message) {
    return new ManifestIssue("error", code, object, path, message);
  }

  static ManifestIssue warning(String code, String object, String path, String message) {
    return new ManifestIssue("warning", code, object, path, message);
  }

  @JsonIgnore
  public boolean isError() {
    return "error".equals(severity);
  }
}
