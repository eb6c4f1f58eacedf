package org.openforge.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.engagement.AgentConfig;

/** Which settings a run gets, and that the server's API key never follows an engagement-chosen URL. */
class LlmProvidersTest {

  private static final String PLATFORM_URL = "https://llm.internal/v1";

  private final LlmProviders providers = new LlmProviders(List.of(), new LlmProperties("openai", "gpt-x",
      PLATFORM_URL, "sk-platform", null, null, 120, 1000, 10, 600,
      Map.of("ontology_design", new LlmProperties.Override(null, "big", "https://big.internal/v1", "sk-agent",
          null, null, null, null))));

  private static AgentConfig llm(String provider, String baseUrl) {
    return new AgentConfig(true, null, null, List.of(),
        new AgentConfig.LlmSettings(provider, null, baseUrl, null, null, null));
  }

  @Test
  void platformSettingsCarryThePlatformKey() {
    LlmSettings settings = providers.settings(null, "stakeholder_analysis", null);
    assertThat(settings.baseUrl()).isEqualTo(PLATFORM_URL);
    assertThat(settings.apiKey()).isEqualTo("sk-platform");
    assertThat(settings.model()).isEqualTo("gpt-x");
    LlmSettings agent = providers.settings(null, "ontology_design", null);
    assertThat(agent.baseUrl()).isEqualTo("https://big.internal/v1");
    assertThat(agent.apiKey()).isEqualTo("sk-agent");
  }

  @Test
  void anEngagementChosenServerNeverReceivesAConfiguredKey() {
    LlmSettings other = providers.settings(llm(null, "https://attacker.example/v1"), "stakeholder_analysis", null);
    assertThat(other.baseUrl()).isEqualTo("https://attacker.example/v1");
    assertThat(other.apiKey()).isNull();
    LlmSettings agentOther = providers.settings(llm(null, "http://evil/v1"), "ontology_design", null);
    assertThat(agentOther.apiKey()).isNull();
    LlmSettings same = providers.settings(llm(null, PLATFORM_URL), "stakeholder_analysis", null);
    assertThat(same.apiKey()).isEqualTo("sk-platform");
  }

  @Test
  void anotherProviderDoesNotInheritThePlatformServerOrKey() {
    LlmSettings ollama = providers.settings(llm("ollama", null), "stakeholder_analysis", null);
    assertThat(ollama.baseUrl()).isNull();
    assertThat(ollama.apiKey()).isNull();
    LlmSettings ollamaAt = providers.settings(llm("ollama", "http://gpu-box:11434"), "stakeholder_analysis", null);
    assertThat(ollamaAt.apiKey()).isNull();
  }
}
