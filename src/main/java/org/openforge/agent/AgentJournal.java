package org.openforge.agent;

import org.openforge.process.Phase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what a run does as it happens, each write in its own transaction (committed at once, not with the job):
 * the task record of a phase agent, its start, its progress and tool-call events, and its failure — which the job's
 * rollback must not erase. The final result is written in the job's transaction by the runtime.
 */
@Component
public class AgentJournal {

  private static final Object[] STRIPES = new Object[64];

  static {
    for (int i = 0; i < STRIPES.length; i++) {
      STRIPES[i] = new Object();
    }
  }

  private final AgentTaskRepository tasks;
  private final AgentEventRepository events;
  private final TransactionTemplate newTransaction;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;

  public AgentJournal(AgentTaskRepository tasks, AgentEventRepository events, PlatformTransactionManager txManager,
      ApplicationEventPublisher publisher, Clock clock) {
    this.tasks = tasks;
    this.events = events;
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Published after an event is committed; the stream hub forwards it to subscribers. */
  public record EventCommitted(AgentEvent event) {}

  /** The task record of a phase agent's service task: one per execution, so retries reuse it. */
  public AgentTask phaseTask(String engagementId, String taskType, String phase, String processInstanceId,
      String executionId) {
    return newTransaction.execute(status -> tasks.findByExecution(executionId).orElseGet(() -> {
      AgentTask task = new AgentTask(UUID.randomUUID().toString(), engagementId, taskType,
          "Phase agent: " + taskType.replace('_', ' '), Map.of(), AgentTaskStatus.PENDING, phase,
          AgentTask.ORIGIN_PHASE, processInstanceId, executionId, 0, null, null, null, null, null, null, null, null,
          0, 0, 0, "lifecycle", now(), null, null);
      tasks.insert(task);
      return task;
    }));
  }

  /**
   * Ends a run that must not go on: its time limit passed (the runner thread was interrupted) or the task was
   * cancelled, here or on another node. Checked before each tool call and model call.
   */
  public void checkNotStopped(String taskId) {
    if (Thread.currentThread().isInterrupted()) {
      throw new java.util.concurrent.CancellationException("the run was stopped");
    }
    if (tasks.cancelled(taskId)) {
      throw new java.util.concurrent.CancellationException("the task was cancelled");
    }
  }

  public void started(String taskId, String executionId, int attempt) {
    newTransaction.executeWithoutResult(status -> tasks.markRunning(taskId, executionId, now()));
    progress(taskId, "started", attempt <= 1 ? "agent started" : "agent started (attempt " + attempt + ")");
  }

  public void progress(String taskId, String step, String message) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("step", step);
    payload.put("message", message);
    event(taskId, AgentEvent.PROGRESS, payload);
  }

  /**
   * Appends an event in its own transaction. Events of one task are numbered one after the other: appends of the
   * same task are serialised here (a run may call tools from several threads), and a number taken concurrently by
   * another node is retried.
   */
  public void event(String taskId, String type, Map<String, Object> payload) {
    AgentEvent event;
    synchronized (STRIPES[Math.floorMod(taskId.hashCode(), STRIPES.length)]) {
      event = withRetry(() -> newTransaction.execute(status -> events.append(taskId, type, payload, now())));
    }
    publisher.publishEvent(new EventCommitted(event));
  }

  private static <T> T withRetry(java.util.function.Supplier<T> append) {
    for (int attempt = 1; ; attempt++) {
      try {
        return append.get();
      } catch (org.springframework.dao.DuplicateKeyException e) {
        if (attempt >= 5) {
          throw e;
        }
      }
    }
  }

  /** A failed attempt: {@code final} when no retry follows (an incident) — the task is failed — else pending. */
  public void failed(String taskId, String error, boolean finalAttempt) {
    newTransaction.executeWithoutResult(status -> tasks.setStatus(taskId,
        finalAttempt ? AgentTaskStatus.FAILED : AgentTaskStatus.PENDING, error, finalAttempt ? now() : null));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("error", error);
    payload.put("retrying", !finalAttempt);
    if (finalAttempt) {
      event(taskId, AgentEvent.FAILED, payload);
    } else {
      progress(taskId, "retrying", "attempt failed, will retry: " + error);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
