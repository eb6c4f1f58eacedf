package org.openforge.agent.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The langchain4j providers: OpenAI-compatible servers, Ollama and Anthropic. */
@Configuration
public class StandardProviders {

  @Bean
  ChatModelProvider openAiProvider() {
    return new Provider("openai", s -> OpenAiChatModel.builder()
        .baseUrl(s.baseUrl() == null ? "https://api.openai.com/v1" : s.baseUrl())
        // local OpenAI-compatible servers (vLLM, llama.cpp) accept any key
        .apiKey(s.apiKey() == null ? "not-needed" : s.apiKey())
        .modelName(require(s.model(), "openai"))
        .temperature(s.temperature())
        .maxTokens(s.maxTokens())
        .timeout(Duration.ofSeconds(s.timeoutSeconds()))
        .maxRetries(1)
        .build());
  }

  @Bean
  ChatModelProvider ollamaProvider() {
    return new Provider("ollama", s -> OllamaChatModel.builder()
        .baseUrl(s.baseUrl() == null ? "http://localhost:11434" : s.baseUrl())
        .modelName(require(s.model(), "ollama"))
        .temperature(s.temperature())
        .numPredict(s.maxTokens())
        .timeout(Duration.ofSeconds(s.timeoutSeconds()))
        .maxRetries(1)
        .build());
  }

  @Bean
  ChatModelProvider anthropicProvider() {
    return new Provider("anthropic", s -> {
      if (s.apiKey() == null) {
        throw new IllegalStateException("the anthropic provider needs an API key (OPENFORGE_LLM_API_KEY)");
      }
      AnthropicChatModel.AnthropicChatModelBuilder builder = AnthropicChatModel.builder()
          .apiKey(s.apiKey())
          .modelName(require(s.model(), "anthropic"))
          .temperature(s.temperature())
          .maxTokens(s.maxTokens() == null ? 4096 : s.maxTokens())
          .timeout(Duration.ofSeconds(s.timeoutSeconds()))
          .maxRetries(1);
      if (s.baseUrl() != null) {
        builder.baseUrl(s.baseUrl());
      }
      return builder.build();
    });
  }

  private static String require(String model, String provider) {
    if (model == null || model.isBlank()) {
      throw new IllegalStateException("the " + provider + " provider needs a model name (openforge.llm.model or "
          + "agent_config.llm.model)");
    }
    return model;
  }

  private record Provider(String name, java.util.function.Function<LlmSettings, ChatModel> factory)
      implements ChatModelProvider {
    @Override
    public ChatModel create(LlmSettings settings) {
      return factory.apply(settings);
    }
  }
}
