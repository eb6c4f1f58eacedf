package org.openforge.agent.llm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.AgentJournal;
import org.openforge.agent.AgentTask;
import org.openforge.agent.AgentTaskRepository;
import org.openforge.agent.tool.ToolExecutor;
import org.openforge.agent.tool.ToolOutcome;

/**
 * A model conversation of one run, with tools: the model is called, its tool calls run through the run's
 * {@link ToolExecutor} (approvals apply), results go back, until it answers or a limit stops it (iterations, the
 * run's deadline, the token budget). Every message is stored as it happens, so the conversation is readable while the
 * run goes on, and a run that paused on a tool approval resumes from where it stopped.
 */
public class LlmSession {

  private static final int MAX_TOOL_RESULT = 16_000;

  private final ChatModel model;
  private final LlmSettings settings;
  private final AgentTask task;
  private final ToolExecutor tools;
  private final AgentMessageRepository messages;
  private final AgentTaskRepository tasks;
  private final AgentJournal journal;
  private final Instant deadline;
  private final ObjectMapper mapper;

  public LlmSession(ChatModel model, LlmSettings settings, AgentTask task, ToolExecutor tools,
      AgentMessageRepository messages, AgentTaskRepository tasks, AgentJournal journal, Instant deadline,
      ObjectMapper mapper) {
    this.mapper = mapper;
    this.model = model;
    this.settings = settings;
    this.task = task;
    this.tools = tools;
    this.messages = messages;
    this.tasks = tasks;
    this.journal = journal;
    this.deadline = deadline;
  }

  public LlmSettings settings() {
    return settings;
  }

  /**
   * Runs the conversation to its final answer. If this task already has a stored conversation (the run paused on
   * a tool approval), it continues that one instead of starting again.
   */
  public String run(String systemPrompt, String userPrompt, List<String> toolNames) {
    List<ToolSpecification> specifications = tools.registry().specifications(toolNames);
    List<ChatMessage> conversation = restore();
    if (!conversation.isEmpty() && conversation.get(conversation.size() - 1) instanceof AiMessage done
        && !done.hasToolExecutionRequests()) {
      // the model already answered; the run paused after it (approving a file to write) and now resumes
      return done.text() == null ? "" : done.text();
    }
    if (conversation.isEmpty()) {
      conversation.add(SystemMessage.from(systemPrompt));
      messages.append(task.id(), AgentMessage.SYSTEM, systemPrompt, null);
      conversation.add(UserMessage.from(userPrompt));
      messages.append(task.id(), AgentMessage.USER, userPrompt, null);
    }
    int iterations = (int) conversation.stream().filter(m -> m instanceof AiMessage).count();
    while (true) {
      AiMessage last = pendingToolCalls(conversation);
      if (last != null) {
        runTools(last, conversation);
        continue;
      }
      if (iterations >= settings.maxIterations()) {
        throw new AgentLimitExceeded("the run reached its iteration limit of " + settings.maxIterations()
            + " model calls without a final answer");
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AgentLimitExceeded("the run passed its time limit before the model answered");
      }
      journal.checkNotStopped(task.id());
      iterations++;
      journal.progress(task.id(), "model", "calling " + settings.provider() + " " + settings.model()
          + " (step " + iterations + ")");
      ChatResponse response = model.chat(ChatRequest.builder().messages(conversation)
          .toolSpecifications(specifications.isEmpty() ? null : specifications).build());
      AiMessage answer = response.aiMessage();
      recordUsage(response);
      conversation.add(answer);
      messages.append(task.id(), AgentMessage.ASSISTANT, answer.text(), calls(answer));
      if (!answer.hasToolExecutionRequests()) {
        return answer.text() == null ? "" : answer.text();
      }
    }
  }

  private void runTools(AiMessage request, List<ChatMessage> conversation) {
    for (ToolExecutionRequest call : request.toolExecutionRequests()) {
      if (answered(conversation, call.id())) {
        continue;
      }
      ToolOutcome outcome = tools.callForModel(call.id(), call.name(), arguments(call));
      String text = resultText(outcome);
      conversation.add(ToolExecutionResultMessage.from(call, text));
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("id", call.id());
      ref.put("name", call.name());
      ref.put("status", outcome.status().name().toLowerCase());
      ref.put("duration_ms", outcome.durationMs());
      messages.append(task.id(), AgentMessage.TOOL, text, List.of(ref));
    }
  }

  private void recordUsage(ChatResponse response) {
    TokenUsage usage = response.tokenUsage();
    long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    tasks.addUsageNow(task.id(), settings.provider(), response.modelName() != null ? response.modelName()
        : settings.model(), in, out, 1);
    long used = tasks.tokensUsed(task.id());
    if (used > settings.tokenBudget()) {
      throw new AgentLimitExceeded("the run used " + used + " tokens, over its budget of " + settings.tokenBudget());
    }
  }

  /** The stored conversation of this task as langchain4j messages. */
  private List<ChatMessage> restore() {
    List<ChatMessage> restored = new ArrayList<>();
    for (AgentMessage m : messages.forTask(task.id())) {
      if (!AgentMessage.MODEL.equals(m.channel())) {
        continue;
      }
      switch (m.role()) {
        case AgentMessage.SYSTEM -> restored.add(SystemMessage.from(m.content()));
        case AgentMessage.USER -> restored.add(UserMessage.from(m.content()));
        case AgentMessage.ASSISTANT -> {
          List<ToolExecutionRequest> requests = m.toolCalls().stream().map(c -> ToolExecutionRequest.builder()
              .id(String.valueOf(c.get("id"))).name(String.valueOf(c.get("name")))
              .arguments(String.valueOf(c.get("arguments"))).build()).toList();
          restored.add(requests.isEmpty() ? AiMessage.from(m.content() == null ? "" : m.content())
              : AiMessage.from(m.content(), requests));
        }
        case AgentMessage.TOOL -> {
          Map<String, Object> ref = m.toolCalls().isEmpty() ? Map.of() : m.toolCalls().get(0);
          restored.add(ToolExecutionResultMessage.from(String.valueOf(ref.get("id")), String.valueOf(ref.get("name")),
              m.content()));
        }
        default -> throw new IllegalStateException("unknown stored message role " + m.role());
      }
    }
    return restored;
  }

  private static AiMessage pendingToolCalls(List<ChatMessage> conversation) {
    for (int i = conversation.size() - 1; i >= 0; i--) {
      if (conversation.get(i) instanceof AiMessage ai) {
        if (!ai.hasToolExecutionRequests()) {
          return null;
        }
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
          if (!answered(conversation, call.id())) {
            return ai;
          }
        }
        return null;
      }
    }
    return null;
  }

  private static boolean answered(List<ChatMessage> conversation, String callId) {
    return conversation.stream().anyMatch(m -> m instanceof ToolExecutionResultMessage r && callId.equals(r.id()));
  }

  private static List<Map<String, Object>> calls(AiMessage answer) {
    if (!answer.hasToolExecutionRequests()) {
      return null;
    }
    return answer.toolExecutionRequests().stream().map(r -> {
      Map<String, Object> call = new LinkedHashMap<>();
      call.put("id", r.id());
      call.put("name", r.name());
      call.put("arguments", r.arguments());
      return call;
    }).toList();
  }

  private Map<String, Object> arguments(ToolExecutionRequest call) {
    String raw = call.arguments();
    if (raw == null || raw.isBlank()) {
      return Map.of();
    }
    try {
      return mapper.readValue(raw, new TypeReference<Map<String, Object>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Map.of("_unparsed_arguments", raw);
    }
  }

  private String resultText(ToolOutcome outcome) {
    String text = switch (outcome.status()) {
      case OK -> json(outcome.result());
      case ERROR -> "ERROR: " + outcome.message();
      case REFUSED -> "REFUSED: " + outcome.message() + ". Continue without this call.";
    };
    return text.length() > MAX_TOOL_RESULT ? text.substring(0, MAX_TOOL_RESULT) + " …(truncated)" : text;
  }

  private String json(Object value) {
    try {
      return value instanceof String s ? s : mapper.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
