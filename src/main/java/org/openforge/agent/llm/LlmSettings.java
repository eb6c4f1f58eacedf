package org.openforge.agent.llm;

/** The resolved model settings of one run. */
public record LlmSettings(String provider, String model, String baseUrl, String apiKey, Double temperature,
    Integer maxTokens, int timeoutSeconds, long tokenBudget, int maxIterations) {

  public static final String BUILTIN = "builtin";

  public boolean builtin() {
    return BUILTIN.equals(provider);
  }

  /** The identity of a model client: runs with the same identity share one client. */
  public String clientKey() {
    return provider + "|" + model + "|" + baseUrl + "|" + (apiKey == null ? "" : Integer.toHexString(apiKey.hashCode()))
        + "|" + temperature + "|" + maxTokens + "|" + timeoutSeconds;
  }
}
