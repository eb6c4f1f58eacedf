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
 * Writes what a run does as it happens, committed apart from the job (at once, not with it): the task record of a
 * phase agent and its start (each in its own transaction), its progress and tool-call events (through the
 * {@link JournalWriter}, which commits them as they come, several to a transaction when they come together), and
 * its failure — which the job's rollback must not erase. The final result is written in the job's transaction by
 * the runtime, after {@link #flush} — so the events of a finished run are all stored before it.
 */
@Component
public class AgentJournal {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AgentJournal.class);

  private final AgentTaskRepository tasks;
  private final AgentEventRepository events;
  private final TransactionTemplate newTransaction;
  private final JournalWriter writer;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;

  public AgentJournal(AgentTaskRepository tasks, AgentEventRepository events, PlatformTransactionManager txManager,
      JournalWriter writer, ApplicationEventPublisher publisher, Clock clock) {
    this.tasks = tasks;
    this.events = events;
    this.writer = writer;
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

  /** The run started: the task is running (committed with its first event, through the writer). */
  public void started(String taskId, String executionId, int attempt) {
    OffsetDateTime at = now();
    writer.submit(taskId, () -> {
      tasks.markRunning(taskId, executionId, at);
      return null;
    });
    progress(taskId, "started", attempt <= 1 ? "agent started" : "agent started (attempt " + attempt + ")");
  }

  public void progress(String taskId, String step, String message) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("step", step);
    payload.put("message", message);
    event(taskId, AgentEvent.PROGRESS, payload);
  }

  /**
   * Appends an event: it commits with the journal writer's next transaction, numbered after the task's earlier events
   * (the writer keeps their order; a number taken concurrently by another node is taken again), and is announced
   * once committed.
   */
  public void event(String taskId, String type, Map<String, Object> payload) {
    OffsetDateTime at = now();
    writer.submit(taskId, () -> {
      AgentEvent event = events.append(taskId, writer.next("event", taskId, () -> events.nextSeq(taskId)), type,
          payload, at);
      return () -> publisher.publishEvent(new EventCommitted(event));
    });
  }

  /** Waits until the task's events so far are committed; throws when one could not be stored. */
  public void flush(String taskId) {
    writer.flush(taskId);
  }

  /** A failed attempt: {@code final} when no retry follows (an incident) — the task is failed — else pending. */
  public void failed(String taskId, String error, boolean finalAttempt) {
    try {
      flush(taskId);
    } catch (RuntimeException e) {
      // the run's own events could not be stored; its failure still is, below
      log.warn("agent task {}: journal not fully written before its failure: {}", taskId, e.getMessage());
    }
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
    flush(taskId);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
