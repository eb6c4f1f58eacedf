package org.openforge.support;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openforge.agent.llm.ChatModelProvider;
import org.openforge.agent.llm.LlmSettings;

/**
 * The scripted fake model of the tests (provider {@code scripted}): an engagement chooses a script by naming it as
 * its model ({@code agent_config.llm = {provider: scripted, model: <script>}}). Each model call takes the next step;
 * requests are recorded. No network.
 */
public class ScriptedChatModels implements ChatModelProvider {

  /** One model call's behaviour. */
  @FunctionalInterface
  public interface Step {
    ChatResponse answer(ChatRequest request) throws InterruptedException;
  }

  private final Map<String, Deque<Step>> scripts = new ConcurrentHashMap<>();
  private final Map<String, List<ChatRequest>> requests = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  @Override
  public String name() {
    return "scripted";
  }

  public void script(String key, Step... steps) {
    scripts.put(key, new ArrayDeque<>(List.of(steps)));
    requests.put(key, new ArrayList<>());
  }

  public List<ChatRequest> requests(String key) {
    return requests.getOrDefault(key, List.of());
  }

  @Override
  public ChatModel create(LlmSettings settings) {
    String key = settings.model();
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        Deque<Step> steps = scripts.get(key);
        if (steps == null || steps.isEmpty()) {
          throw new IllegalStateException("script '" + key + "' has no step left");
        }
        requests.computeIfAbsent(key, k -> new ArrayList<>()).add(request);
        try {
          return steps.poll().answer(request);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    };
  }

  public Step toolCall(String tool, String argumentsJson) {
    String id = "call_" + ids.incrementAndGet();
    return request -> response(AiMessage.from(ToolExecutionRequest.builder().id(id).name(tool)
        .arguments(argumentsJson).build()));
  }

  public static Step answer(String text) {
    return request -> response(AiMessage.from(text));
  }

  public static Step fail(String message) {
    return request -> {
      throw new IllegalStateException(message);
    };
  }

  /** Waits for the latch before taking the next step: lets a test watch a run in progress. */
  public static Step after(CountDownLatch latch, Step step) {
    return request -> {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the model");
      }
      return step.answer(request);
    };
  }

  private static ChatResponse response(AiMessage message) {
    return ChatResponse.builder().aiMessage(message).modelName("scripted-model")
        .tokenUsage(new TokenUsage(120, 30)).build();
  }
}
