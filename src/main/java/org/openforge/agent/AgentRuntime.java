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
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.runtime.Job;
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
import org.openforge.approval.ReviewItemsCodec;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.approval.ApprovalRepository;
import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs agents inside their BPMN service task job (phase agents and API tasks alike). The run is journaled as it
 * happens (events, messages, usage) and bounded by its time limit; its result is written in the job's transaction —
 * artifacts through the {@code write_file} tool — so a crash leaves either the whole result or a job that runs again.
 * Outcomes: completed; technical failure (rethrown: the engine retries, then raises an incident); a tool call
 * waiting for approval (BPMN error TOOL_APPROVAL_REQUIRED); nothing to work on or a limit reached (BPMN error
 * AGENT_DECLINED, the task failed for good).
 */
@Service
public class AgentRuntime {

  public static final String ERROR_APPROVAL_REQUIRED = "APPROVAL_REQUIRED";
  private static final String WRITE_FILE = "write_file";
  private static final Logger log = LoggerFactory.getLogger(AgentRuntime.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final AgentRegistry registry;
  private final AgentTaskRepository tasks;
  private final AgentEventRepository events;
  private final AgentJournal journal;
  private final EngagementRepository engagements;
  private final ArtifactService artifacts;
  private final ApprovalRepository approvalRecords;
  private final ManagementService management;
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

  public AgentRuntime(AgentRegistry registry, AgentTaskRepository tasks, AgentEventRepository events,
      AgentJournal journal, EngagementRepository engagements, ArtifactService artifacts,
      ApprovalRepository approvalRecords, ManagementService management, ToolRegistry tools, ToolApprovals toolApprovals,
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
    this.management = management;
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

  /** Runs the agent of the service task the execution is in. */
  public void run(DelegateExecution execution) {
    String taskType = (String) execution.getVariable(ProcessIds.VAR_TASK_TYPE);
    String engagementId = execution.getProcessBusinessKey();
    String agentTaskId = (String) execution.getVariable(ProcessIds.VAR_AGENT_TASK_ID);
    Phase phase = Phase.ofTaskType(taskType)
        .orElseThrow(() -> new IllegalStateException("unknown task type '" + taskType + "'"));
    Job job = currentJob(execution);
    // the job's execution stays the same over retries and tool approvals (the task's scope execution may not)
    String runKey = job != null ? job.getExecutionId() : execution.getId();
    AgentTask task = agentTaskId != null
        ? tasks.find(agentTaskId).orElseThrow(() -> new IllegalStateException("no agent task " + agentTaskId))
        : journal.phaseTask(engagementId, taskType, phase.value(), execution.getProcessInstanceId(), runKey);
    journal.started(task.id(), runKey, task.attempts() + 1);
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
      AgentContext context = new AgentContext(engagement, task, phase, artifacts.list(engagementId),
          approvalRecords.reviewerFeedback(engagementId, phase.value()).orElse(null),
          kind -> artifacts.latestOfKind(engagementId, kind), journal, executor, session, runApprovals);
      AgentResult result = withinDeadline(deadline, () -> {
        AgentResult own = agent.run(context);
        return session == null ? own : assist.review(context, own, session);
      });
      complete(task, executor, result);
      transcript.outcome(result.summary());
    } catch (ApprovalPending pending) {
      pause(execution, task, phase, pending);
      throw new BpmnError(ERROR_APPROVAL_REQUIRED, pending.getMessage());
    } catch (AgentDeclinedException | AgentLimitExceeded e) {
      decline(task, e.getMessage());
    } catch (ToolFailedException e) {
      if (!e.refused()) {
        fail(task, job, e);
        throw e;
      }
      decline(task, e.getMessage());
    } catch (java.util.concurrent.CancellationException e) {
      // cancelled while it ran: the cancellation already ended the task and its job; nothing to record
      log.info("agent {} of engagement {} stopped: {}", task.taskType(), task.engagementId(), e.getMessage());
      throw e;
    } catch (RuntimeException | Error e) {
      fail(task, job, e);
      throw e;
    } catch (Exception e) {
      fail(task, job, e);
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** A run that can go on no further: the task fails for good and the model takes the AGENT_DECLINED path. */
  private void decline(AgentTask task, String reason) {
    messages.append(task.id(), org.openforge.agent.llm.AgentMessage.ASSISTANT, "Declined: " + reason, null,
        org.openforge.agent.llm.AgentMessage.AGENT);
    tasks.setStatus(task.id(), AgentTaskStatus.FAILED, reason, now());
    appendAfterCommit(task.id(), AgentEvent.FAILED, payload("error", reason));
    throw new BpmnError(AgentDeclinedException.ERROR_CODE, reason);
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
   * second file has written nothing, and runs again whole once the reviewer decided.
   */
  private void complete(AgentTask task, ToolExecutor executor, AgentResult result) {
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
    tasks.complete(task.id(), outputs, result.summary(), result.confidence(), now());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("result", result.summary());
    payload.put("confidence", result.confidence());
    payload.put("artifacts", recorded);
    appendAfterCommit(task.id(), AgentEvent.COMPLETED, payload);
  }

  /** Puts the pending request where the approval task finds it and marks the task waiting. */
  private void pause(DelegateExecution execution, AgentTask task, Phase phase, ApprovalPending pending) {
    execution.setVariable(ProcessIds.VAR_APPROVAL_TYPE, pending.type().value());
    execution.setVariable(ProcessIds.VAR_PHASE, phase.value());
    execution.setVariable("approvalForm", pending.form());
    execution.setVariable("approvalTitle", pending.title());
    execution.setVariable("approvalDescription", pending.description());
    execution.setVariable("approvalItems", ReviewItemsCodec.encode(pending.items()));
    execution.setVariable("approvalContext", ReviewItemsCodec.encode(pending.context()));
    tasks.setStatus(task.id(), AgentTaskStatus.WAITING_APPROVAL, null, null);
  }

  /** Writes a terminal event in the job's transaction and announces it once that transaction commits. */
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

  private void fail(AgentTask task, Job job, Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    boolean finalAttempt = job == null || job.getRetries() <= 1;
    log.warn("agent {} of engagement {} failed (attempt {}{}): {}", task.taskType(), task.engagementId(),
        task.attempts() + 1, finalAttempt ? ", no retry left" : "", message);
    journal.failed(task.id(), message, finalAttempt);
  }

  /** The asynchronous-continuation job running this service task (on the task's execution or its parent). */
  private Job currentJob(DelegateExecution execution) {
    return management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId()).list().stream()
        .filter(j -> j.getExecutionId().equals(execution.getId())
            || j.getExecutionId().equals(execution.getParentId()))
        .findFirst().orElse(null);
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
