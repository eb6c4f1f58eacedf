package org.openforge.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the journal of agent runs — events and transcript messages — as they happen, in the order they happen, on
 * one writer thread (group commit): a write is committed with what arrives within a millisecond of it (a burst of
 * progress events) and with whatever arrives while a commit is in flight; a run waiting for its writes cuts the
 * gathering short. A run of a dozen events thus costs a commit or two instead of one each — the commit, not the
 * insert, is what costs (a chunk written per commit on H2, a WAL flush on PostgreSQL) — and the stream stays live
 * (subscribers get each event when its transaction commits, milliseconds after it happened). A run
 * waits for its writes ({@link #flush}) before its result commits, so a finished task never lacks its journal, and a
 * write that could not be stored fails the run there.
 */
@Component
public class JournalWriter implements AutoCloseable {

  /** Work in the writer's transaction; returns what to do once that transaction committed (or null). */
  @FunctionalInterface
  public interface Work {
    Runnable write();
  }

  private record Pending(String taskId, Work work, CompletableFuture<Void> done) {}

  private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
  private static final int MAX_BATCH = 200;
  private static final int ATTEMPTS = 5;
  private static final long GATHER_MICROS = 1_000;

  private final TransactionTemplate transaction;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Void>> last = new ConcurrentHashMap<>();
  private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
  /** The next numbers of the batch being written, per counter and task (writer thread only). */
  private final Map<String, Integer> numbers = new java.util.HashMap<>();
  private final Thread thread;
  private volatile boolean open = true;

  public JournalWriter(PlatformTransactionManager txManager) {
    this.transaction = new TransactionTemplate(txManager);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.thread = new Thread(this::loop, "agent-journal");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues a write of the task's journal; it commits with the next batch. */
  public void submit(String taskId, Work work) {
    if (!open) {
      throw new IllegalStateException("the agent journal is closed");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    last.put(taskId, done);
    queue.add(new Pending(taskId, work, done));
  }

  /** Runs the work in the writer's next transaction and returns its result once that committed. */
  public int call(String taskId, java.util.function.IntSupplier work) {
    int[] result = new int[1];
    submit(taskId, () -> {
      result[0] = work.getAsInt();
      return null;
    });
    flush(taskId);
    return result[0];
  }

  /** Waits until every write queued for the task so far has committed; throws when one of them failed. */
  public void flush(String taskId) {
    CompletableFuture<Void> pending = last.get(taskId);
    if (pending != null) {
      waiting.incrementAndGet();
      try {
        pending.get(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("interrupted while the journal was written");
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("the agent journal was not written within 5 minutes", e);
      } catch (java.util.concurrent.ExecutionException e) {
        // the failure is reported below (the last write may have succeeded after an earlier one failed)
      } finally {
        waiting.decrementAndGet();
      }
      last.remove(taskId, pending);
    }
    Throwable failed = failures.remove(taskId);
    if (failed != null) {
      throw new IllegalStateException("the agent journal could not be written: " + failed.getMessage(), failed);
    }
  }

  private void loop() {
    while (open || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        gather(batch);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        log.error("agent journal writer", e);
      }
    }
  }

  /**
   * The next number of a task's counter (its events, its messages) inside the batch being written: read from the
   * database by {@code first} once per batch, counted on for the batch's other writes of the task. Only for work
   * running on the writer.
   */
  public int next(String counter, String taskId, java.util.function.IntSupplier first) {
    if (Thread.currentThread() != thread) {
      return first.getAsInt();
    }
    String key = counter + ' ' + taskId;
    Integer previous = numbers.get(key);
    int number = previous == null ? first.getAsInt() : previous + 1;
    numbers.put(key, number);
    return number;
  }

  /** Adds what is queued, and what arrives within a millisecond of the last write while no run waits. */
  private void gather(List<Pending> batch) throws InterruptedException {
    queue.drainTo(batch, MAX_BATCH - batch.size());
    while (batch.size() < MAX_BATCH && waiting.get() == 0) {
      Pending next = queue.poll(GATHER_MICROS, TimeUnit.MICROSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, MAX_BATCH - batch.size());
    }
  }

  /**
   * One transaction for the batch; when it fails, each write alone (so one bad write fails only its own task). A
   * number taken at the same moment by another node is taken again.
   */
  private void write(List<Pending> batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        commit(batch);
        return;
      } catch (RuntimeException e) {
        if (batch.size() > 1) {
          batch.forEach(p -> write(List.of(p)));
          return;
        }
        if (!(e instanceof DuplicateKeyException) || attempt >= ATTEMPTS) {
          Pending only = batch.get(0);
          failures.put(only.taskId(), e);
          log.warn("agent journal: a write of task {} failed: {}", only.taskId(), e.getMessage());
          only.done().completeExceptionally(e);
          return;
        }
      }
    }
  }

  private void commit(List<Pending> batch) {
    List<Runnable> committed = transaction.execute(status -> {
      numbers.clear();
      List<Runnable> then = new ArrayList<>();
      for (Pending p : batch) {
        then.add(p.work().write());
      }
      return then;
    });
    committed.forEach(JournalWriter::runQuietly);
    batch.forEach(p -> {
      p.done().complete(null);
      last.remove(p.taskId(), p.done());
    });
  }

  private static void runQuietly(Runnable then) {
    if (then == null) {
      return;
    }
    try {
      then.run();
    } catch (RuntimeException e) {
      log.warn("agent journal: after commit", e);
    }
  }

  /** Writes what is queued, then stops. */
  @Override
  @jakarta.annotation.PreDestroy
  public void close() {
    open = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
