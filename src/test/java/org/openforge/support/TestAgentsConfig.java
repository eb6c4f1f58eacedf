package org.openforge.support;

import java.util.List;
import org.openforge.agent.Agent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration
public class TestAgentsConfig {

  @Bean
  @Primary
  ScriptedAgents scriptedAgents(List<Agent> agents) {
    return new ScriptedAgents(agents);
  }

  @Bean
  ScriptedChatModels scriptedChatModels() {
    return new ScriptedChatModels();
  }
}
