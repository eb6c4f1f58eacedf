package org.openforge.agent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.openforge.security.Caller;
import org.openforge.system.PageRequest;
import org.openforge.system.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/agents/tasks")
@Tag(name = "Agent tasks", description = "Agent runs as BPMN work: live event streams, conversations, cancel, retry")
public class AgentTaskController {

  private final AgentTaskService tasks;
  private final AgentStreams streams;

  public AgentTaskController(AgentTaskService tasks, AgentStreams streams) {
    this.tasks = tasks;
    this.streams = streams;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an agent task", description = "Runs as an agent-task process; unknown task_type → 422.")
  public AgentTaskView create(@Valid @RequestBody CreateAgentTaskRequest request) {
    return tasks.create(request, Caller.current());
  }

  @GetMapping
  @Operation(summary = "List agent tasks", description = "Filter by engagement and status; newest first.")
  public PageResponse<AgentTaskView> list(@RequestParam(name = "engagement_id", required = false) String engagementId,
      @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
      @RequestParam(name = "page_size", required = false) Integer pageSize) {
    return tasks.list(engagementId, status, PageRequest.of(page, pageSize));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Get an agent task")
  public AgentTaskView get(@PathVariable String id) {
    return tasks.get(id);
  }

  @PostMapping("/{id}/cancel")
  @Operation(summary = "Cancel a task", description = "409 when it already ended.")
  public AgentTaskView cancel(@PathVariable String id) {
    return tasks.cancel(id, Caller.current());
  }

  @PostMapping("/{id}/retry")
  @Operation(summary = "Retry a failed task", description = "Resolves its incident (as Cockpit does) or runs it again.")
  public AgentTaskView retry(@PathVariable String id) {
    return tasks.retry(id, Caller.current());
  }

  @GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "Stream a task's events (SSE)",
      description = "data: JSON with type progress (step, message), tool_call (tool, status), completed (result) or "
          + "failed (error). Past events are replayed, then new ones sent live; the stream closes after the terminal "
          + "event. Last-Event-ID resumes after that event.")
  public SseEmitter stream(@PathVariable String id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    tasks.find(id);
    int after = 0;
    if (lastEventId != null && lastEventId.matches("\\d{1,9}")) {
      after = Integer.parseInt(lastEventId);
    }
    return streams.open(id, after);
  }

  @GetMapping("/{id}/messages")
  @Operation(summary = "A task's messages",
      description = "System, user, assistant and tool messages; tool calls with arguments, result and duration. "
          + "channel agent: the built-in agent's own steps (every run has them); model: the LLM conversation.")
  public List<AgentMessageView> messages(@PathVariable String id,
      @RequestParam(required = false) String channel) {
    return tasks.messages(id, channel);
  }
}
