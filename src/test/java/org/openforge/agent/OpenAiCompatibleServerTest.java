package org.openforge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openforge.support.IntegrationTest;
import org.openforge.support.Scripts;

/**
 * The {@code openai} provider against a local OpenAI-compatible server (as a vLLM or llama.cpp server would be):
 * the real langchain4j client sends the tools, runs the tool call the server asks for, and records the usage the
 * server reports. The server is a fake on localhost, scripted below.
 */
class OpenAiCompatibleServerTest extends IntegrationTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void anLlmAssistedRunTalksToAnOpenAiCompatibleServer() throws IOException {
    List<JsonNode> requests = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      JsonNode request = MAPPER.readTree(exchange.getRequestBody());
      requests.add(request);
      String message = requests.size() == 1
          ? "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
              + "\"function\":{\"name\":\"list_artifacts\",\"arguments\":\"{}\"}}]}"
          : "{\"role\":\"assistant\",\"content\":\"## Findings\\nThe analysis lists two stakeholders.\"}";
      String body = "{\"id\":\"chatcmpl-" + requests.size() + "\",\"object\":\"chat.completion\",\"created\":1,"
          + "\"model\":\"local-model\",\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\""
          + (requests.size() == 1 ? "tool_calls" : "stop") + "\"}],"
          + "\"usage\":{\"prompt_tokens\":211,\"completion_tokens\":17,\"total_tokens\":228}}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
      String engagement = createEngagement(Map.of("agent_config", Map.of("auto_run", false,
          "llm", Map.of("provider", "openai", "model", "local-model", "base_url", base)))).get("id").asText();
      agents.script(engagement, "stakeholder_analysis", Scripts.artifact("stakeholder_analysis",
          Map.of("stakeholder_count", 2)));
      String task = api().post("/api/v1/agents/tasks", Map.of("engagement_id", engagement,
          "task_type", "stakeholder_analysis")).text("id");
      driver().runJobs(engagement);

      JsonNode done = api().get("/api/v1/agents/tasks/" + task).json();
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
      assertThat(done.get("result").get("llm_review").asText()).contains("two stakeholders");
      assertThat(done.get("usage").get("provider").asText()).isEqualTo("openai");
      assertThat(done.get("usage").get("input_tokens").asLong()).isEqualTo(422);
      assertThat(done.get("usage").get("output_tokens").asLong()).isEqualTo(34);
      assertThat(requests).hasSize(2);
      assertThat(requests.get(0).get("model").asText()).isEqualTo("local-model");
      assertThat(requests.get(0).get("tools").findValuesAsText("name")).contains("list_artifacts", "execute_sql");
      JsonNode followUp = requests.get(1).get("messages");
      assertThat(followUp.get(followUp.size() - 1).get("role").asText()).isEqualTo("tool");
      assertThat(followUp.get(followUp.size() - 1).get("tool_call_id").asText()).isEqualTo("call_1");
    } finally {
      server.stop(0);
    }
  }
}
