package org.openforge.agent.llm;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openforge.llm.*}: the model agents use when a run is LLM-assisted. {@code provider} is {@code builtin}
 * (default: deterministic agents, no model, no network), {@code openai} (any OpenAI-compatible base URL, e.g. a
 * local vLLM or llama.cpp server), {@code ollama} or {@code anthropic}. {@code agents.<task_type>} overrides per
 * agent; an engagement's {@code agent_config.llm} overrides both.
 */
@ConfigurationProperties(prefix = "openforge.llm")
public record LlmProperties(
    @DefaultValue("builtin") String provider,
    String model,
    String baseUrl,
    String apiKey,
    Double temperature,
    Integer maxTokens,
    @DefaultValue("120") int timeoutSeconds,
    @DefaultValue("200000") long tokenBudget,
    @DefaultValue("10") int maxIterations,
    @DefaultValue("600") int runTimeoutSeconds,
    Map<String, Override> agents) {

  public LlmProperties {
    model = blankToNull(model);
    baseUrl = blankToNull(baseUrl);
    apiKey = blankToNull(apiKey);
    provider = provider == null || provider.isBlank() ? LlmSettings.BUILTIN : provider.trim();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Per-agent settings; unset values fall back to the global ones. */
  public record Override(String provider, String model, String baseUrl, String apiKey, Double temperature,
      Integer maxTokens, Long tokenBudget, Integer maxIterations) {}
}
