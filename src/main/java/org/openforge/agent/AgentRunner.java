package org.openforge.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.openforge.agent.llm.AgentLimitExceeded;
import org.openforge.agent.llm.AgentMessageRepository;
import org.openforge.agent.llm.LlmAssist;
import org.openforge.agent.llm.LlmProperties;
import org.openforge.agent.llm.LlmProviders;
import org.openforge.agent.llm.LlmSession;
import org.openforge.agent.llm.LlmSettings;
import org.openforge.agent.tool.ToolApprovals;
import org.openforge.agent.tool.ToolExecutor;
import org.openforge.agent.tool.ToolFailedException;
import org.openforge.agent.tool.ToolRegistry;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.approval.ApprovalRepository;
import org.openforge.process.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an agent (phase agents and API tasks alike), knowing nothing of the process engine. The run is journaled as it
 * happens (events, messages, usage) and bounded by its time limit; its result is written in the caller's transaction —
 * artifacts through the {@code write_file} tool — so a crash leaves either the whole result or a run to do again.
 * Outcomes: completed; declined (nothing to work on, a limit reached, a tool refused: the task failed for good);
 * waiting for approval (the task waits); failed (a technical failure, journaled — retried by the caller).
 */
@Service
public class AgentRunner {

  private static final String WRITE_FILE = "write_file";
  private static final Logger log = LoggerFactory.getLogger(AgentRunner.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final AgentRegistry registry;
  private final AgentTaskRepository tasks;
  private final AgentEventRepository events;
  private final AgentJournal journal;
  private final EngagementRepository engagements;
  private final ArtifactService artifacts;
  private final ApprovalRepository approvalRecords;
  private final ToolRegistry tools;
  private final ToolApprovals toolApprovals;
  private final AgentApprovals agentApprovals;
  private final LlmProviders llm;
  private final LlmProperties llmProperties;
  private final LlmAssist assist;
  private final AgentMessageRepository messages;
  private final org.openforge.system.JsonText json;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;
  private final ExecutorService runners = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "agent-run-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  public AgentRunner(AgentRegistry registry, AgentTaskRepository tasks, AgentEventRepository events,
      AgentJournal journal, EngagementRepository engagements, ArtifactService artifacts,
      ApprovalRepository approvalRecords, ToolRegistry tools, ToolApprovals toolApprovals,
      AgentApprovals agentApprovals, LlmProviders llm, LlmProperties llmProperties, LlmAssist assist,
      AgentMessageRepository messages, org.openforge.system.JsonText json, ApplicationEventPublisher publisher,
      Clock clock) {
    this.registry = registry;
    this.tasks = tasks;
    this.events = events;
    this.journal = journal;
    this.engagements = engagements;
    this.artifacts = artifacts;
    this.approvalRecords = approvalRecords;
    this.tools = tools;
    this.toolApprovals = toolApprovals;
    this.agentApprovals = agentApprovals;
    this.llm = llm;
    this.llmProperties = llmProperties;
    this.assist = assist;
    this.messages = messages;
    this.json = json;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Runs the agent of the request's task; technical failures come back journaled, not thrown. */
  public AgentRunOutcome run(AgentRunRequest request) {
    String taskType = request.taskType();
    String engagementId = request.engagementId();
    Phase phase = request.phase();
    AgentTask task = request.agentTaskId() != null
        ? tasks.find(request.agentTaskId())
            .orElseThrow(() -> new IllegalStateException("no agent task " + request.agentTaskId()))
        : journal.phaseTask(engagementId, taskType, phase.value(), request.processInstanceId(), request.runKey());
    journal.started(task.id(), request.runKey(), task.attempts() + 1);
    try {
      Engagement engagement = engagements.findById(engagementId)
          .orElseThrow(() -> new IllegalStateException("no engagement " + engagementId));
      Agent agent = registry.find(taskType)
          .orElseThrow(() -> new IllegalStateException("no agent for task type " + taskType));
      Instant deadline = clock.instant().plusSeconds(task.timeoutSeconds() != null ? task.timeoutSeconds()
          : llmProperties.runTimeoutSeconds());
      AgentTranscript transcript = new AgentTranscript(messages, json, task.id());
      transcript.input(task, task.attempts() + 1);
      ToolExecutor executor = new ToolExecutor(task, engagement, tools, toolApprovals, journal, transcript);
      RunApprovals runApprovals = new RunApprovals(agentApprovals, task, engagement);
      LlmSettings settings = llm.settings(engagement.agentConfig(), taskType, task.maxIterations());
      LlmSession session = llm.client(settings).map(model -> new LlmSession(model, settings, task, executor,
          messages, tasks, journal, deadline, json.mapper())).orElse(null);
      AgentContext context = new AgentContext(engagement, task, phase,
          new LazyArtifacts(() -> artifacts.list(engagementId)),
          approvalRecords.reviewerFeedback(engagementId, phase.value()).orElse(null),
          kind -> artifacts.latestOfKind(engagementId, kind), journal, executor, session, runApprovals);
      AgentResult result = withinDeadline(deadline, () -> {
        AgentResult own = agent.run(context);
        return session == null ? own : assist.review(context, own, session);
      });
      complete(task, executor, transcript, result);
      return new AgentRunOutcome.Completed(result.summary());
    } catch (ApprovalPending pending) {
      settle(task.id());
      tasks.setStatus(task.id(), AgentTaskStatus.WAITING_APPROVAL, null, null);
      return new AgentRunOutcome.NeedsApproval(pending);
    } catch (AgentDeclinedException | AgentLimitExceeded e) {
      return decline(task, e.getMessage());
    } catch (ToolFailedException e) {
      return e.refused() ? decline(task, e.getMessage()) : fail(task, request.lastAttempt(), e);
    } catch (java.util.concurrent.CancellationException e) {
      // cancelled while it ran: the cancellation already ended the task and its job; nothing to record
      log.info("agent {} of engagement {} stopped: {}", task.taskType(), task.engagementId(), e.getMessage());
      settle(task.id());
      return new AgentRunOutcome.Failed(e);
    } catch (Exception | Error e) {
      return fail(task, request.lastAttempt(), e);
    }
  }

  /** Waits for the run's journal on a path that ends the run anyway: a journal failure is only logged. */
  private void settle(String taskId) {
    try {
      journal.flush(taskId);
    } catch (RuntimeException e) {
      log.warn("agent task {}: journal not fully written: {}", taskId, e.getMessage());
    }
  }

  /** A run that can go on no further: the task fails for good. */
  private AgentRunOutcome decline(AgentTask task, String reason) {
    messages.append(task.id(), org.openforge.agent.llm.AgentMessage.ASSISTANT, "Declined: " + reason, null,
        org.openforge.agent.llm.AgentMessage.AGENT);
    tasks.setStatus(task.id(), AgentTaskStatus.FAILED, reason, now());
    appendAfterCommit(task.id(), AgentEvent.FAILED, payload("error", reason));
    return new AgentRunOutcome.Declined(reason);
  }

  /** Runs the agent on its own thread so that the time limit holds even if the agent blocks. */
  private AgentResult withinDeadline(Instant deadline, java.util.concurrent.Callable<AgentResult> work)
      throws Exception {
    Future<AgentResult> future = runners.submit(work);
    long millis = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
    try {
      return future.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AgentLimitExceeded("the run passed its time limit of " + Duration.ofMillis(millis).toSeconds()
          + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw (Error) cause;
    }
  }

  /**
   * Writes the result. Every file's approval is settled before the first is written: a run that pauses on the
   * second file has written nothing, and runs again whole once the reviewer decided. The result commits with the job,
   * after the run's journal.
   */
  private void complete(AgentTask task, ToolExecutor executor, AgentTranscript transcript, AgentResult result) {
    List<Map<String, Object>> writes = new ArrayList<>();
    for (ArtifactService.Draft draft : result.artifacts()) {
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("name", draft.name());
      args.put("kind", draft.kind());
      args.put("media_type", draft.mediaType());
      args.put("content", draft.content());
      args.put("summary", draft.summary());
      args.put("metadata", draft.metadata() == null ? Map.of() : draft.metadata());
      org.openforge.agent.tool.ToolOutcome refused = executor.approval(null, WRITE_FILE, args);
      if (refused != null) {
        throw new ToolFailedException(refused);
      }
      writes.add(args);
    }
    List<Map<String, Object>> recorded = new ArrayList<>();
    for (Map<String, Object> args : writes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> ref = (Map<String, Object>) executor.require(WRITE_FILE, args);
      Map<String, Object> written = new LinkedHashMap<>();
      for (String key : List.of("id", "name", "kind", "version")) {
        written.put(key, ref.get(key));
      }
      recorded.add(written);
    }
    Map<String, Object> outputs = new LinkedHashMap<>(result.outputs());
    outputs.put("artifacts", recorded);
    transcript.outcome(result.summary());
    journal.flush(task.id());
    tasks.complete(task.id(), outputs, result.summary(), result.confidence(), now());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("result", result.summary());
    payload.put("confidence", result.confidence());
    payload.put("artifacts", recorded);
    appendAfterCommit(task.id(), AgentEvent.COMPLETED, payload);
  }

  /** Writes a terminal event in the caller's transaction and announces it once that transaction commits. */
  private void appendAfterCommit(String taskId, String type, Map<String, Object> payload) {
    AgentEvent event = events.append(taskId, type, payload, now());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          publisher.publishEvent(new AgentJournal.EventCommitted(event));
        }
      });
    } else {
      publisher.publishEvent(new AgentJournal.EventCommitted(event));
    }
  }

  private AgentRunOutcome fail(AgentTask task, boolean finalAttempt, Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    log.warn("agent {} of engagement {} failed (attempt {}{}): {}", task.taskType(), task.engagementId(),
        task.attempts() + 1, finalAttempt ? ", no retry left" : "", message);
    journal.failed(task.id(), message, finalAttempt);
    return new AgentRunOutcome.Failed(e);
  }

  private static Map<String, Object> payload(String key, Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key, value);
    return map;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  @jakarta.annotation.PreDestroy
  void shutdown() {
    runners.shutdownNow();
  }
}
