package org.openforge.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentRegistry;
import org.openforge.support.IntegrationTest;
import org.openforge.support.TestProfiles;

class SystemApiTest extends IntegrationTest {

  @Test
  void describesDatabaseModelsAgentsAndWorkflows() {
    JsonNode info = api().get("/api/v1/system").json();
    assertThat(info.get("database").asText()).isEqualTo(TestProfiles.isPostgres() ? "PostgreSQL" : "H2");
    assertThat(info.get("engine").asText()).startsWith("Operaton");
    assertThat(info.get("llm").get("default_provider").asText()).isEqualTo("builtin");
    assertThat(info.get("llm").get("providers").findValuesAsText("")).isEmpty();
    assertThat(info.get("llm").get("providers").toString()).contains("builtin", "openai", "ollama", "anthropic");
    assertThat(info.get("llm").get("unavailable").size()).as(info.get("llm").toString()).isZero();
    assertThat(info.get("agents")).hasSize(AgentRegistry.TASK_TYPES.size());
    assertThat(info.get("workflows").findValuesAsText("key")).contains("engagement-lifecycle", "phase-discovery",
        "phase-design", "phase-build", "phase-deploy", "agent-task");
    assertThat(withRole("viewer").get("/api/v1/system").status()).isEqualTo(200);
  }
}
