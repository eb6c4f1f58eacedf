package org.openforge.agent.llm;

import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.openforge.engagement.AgentConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves which model a run uses (engagement {@code agent_config.llm}, then {@code openforge.llm.agents.<type>},
 * then {@code openforge.llm}) and builds one client per distinct setting. At start-up each provider is built once
 * with placeholder settings, so a provider whose library does not link (langchain4j-ollama is served only up to
 * 1.18.1, beside 1.19.0) is reported as unavailable instead of failing a run later.
 */
@Component
public class LlmProviders {

  private static final Logger log = LoggerFactory.getLogger(LlmProviders.class);

  private final Map<String, ChatModelProvider> providers = new TreeMap<>();
  private final Map<String, String> unavailable = new TreeMap<>();
  private final Map<String, ChatModel> clients = new ConcurrentHashMap<>();
  private final LlmProperties properties;

  public LlmProviders(List<ChatModelProvider> providers, LlmProperties properties) {
    this.properties = properties;
    for (ChatModelProvider provider : providers) {
      this.providers.put(provider.name(), provider);
      try {
        provider.create(new LlmSettings(provider.name(), "probe", "http://localhost:1", "probe", null, null, 1, 1, 1));
      } catch (LinkageError e) {
        unavailable.put(provider.name(), e.toString());
        log.warn("LLM provider '{}' is unavailable: its library does not link ({})", provider.name(), e.toString());
      } catch (RuntimeException e) {
        // a provider that refuses placeholder settings still links
      }
    }
  }

  /** Provider names an engagement may choose. */
  public List<String> names() {
    List<String> names = new java.util.ArrayList<>();
    names.add(LlmSettings.BUILTIN);
    names.addAll(providers.keySet());
    return names;
  }

  public Map<String, String> unavailable() {
    return Map.copyOf(unavailable);
  }

  public LlmSettings settings(AgentConfig config, String taskType, Integer maxIterations) {
    LlmProperties p = properties;
    LlmProperties.Override agent = p.agents() == null ? null : p.agents().get(taskType);
    AgentConfig.LlmSettings e = config == null ? null : config.llm();
    String provider = first(e == null ? null : e.provider(), agent == null ? null : agent.provider(), p.provider());
    boolean providerChanged = e != null && e.provider() != null && !e.provider().equals(p.provider());
    String configuredUrl = first(agent == null ? null : agent.baseUrl(), providerChanged ? null : p.baseUrl());
    String baseUrl = first(e == null ? null : e.baseUrl(), configuredUrl);
    // the server's API key only ever goes to the server it was configured for, never to an engagement-chosen URL
    boolean ownServer = baseUrl == null ? configuredUrl == null : baseUrl.equals(configuredUrl);
    return new LlmSettings(
        provider,
        first(e == null ? null : e.model(), agent == null ? null : agent.model(), providerChanged ? null : p.model()),
        baseUrl,
        ownServer ? first(agent == null ? null : agent.apiKey(), providerChanged ? null : p.apiKey()) : null,
        first(e == null ? null : e.temperature(), agent == null ? null : agent.temperature(), p.temperature()),
        first(e == null ? null : e.maxTokens(), agent == null ? null : agent.maxTokens(), p.maxTokens()),
        p.timeoutSeconds(),
        first(e == null ? null : e.tokenBudget(), agent == null ? null : agent.tokenBudget(), p.tokenBudget()),
        first(maxIterations, agent == null ? null : agent.maxIterations(), p.maxIterations()));
  }

  /** The model client for these settings; empty for the built-in provider. */
  public Optional<ChatModel> client(LlmSettings settings) {
    if (settings.builtin()) {
      return Optional.empty();
    }
    ChatModelProvider provider = providers.get(settings.provider());
    if (provider == null) {
      throw new IllegalStateException("unknown LLM provider '" + settings.provider() + "'; known: " + names());
    }
    if (unavailable.containsKey(settings.provider())) {
      throw new IllegalStateException("LLM provider '" + settings.provider() + "' is unavailable: "
          + unavailable.get(settings.provider()));
    }
    return Optional.of(clients.computeIfAbsent(settings.clientKey(), k -> provider.create(settings)));
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
