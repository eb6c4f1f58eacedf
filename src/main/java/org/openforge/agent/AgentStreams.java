package org.openforge.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of agent runs. A new subscriber gets the past events of its task, then new ones as they are
 * committed (pushed on commit, and polled every two seconds so that events of other nodes and missed pushes arrive
 * too), and the stream closes after the terminal event of a finished task. Deliveries run on a small pool, never on
 * the job's thread; a client that went away is dropped at the next send or heartbeat.
 */
@Component
public class AgentStreams {

  private static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final long STREAM_TIMEOUT_MS = Duration.ofHours(2).toMillis();

  private final AgentEventRepository events;
  private final AgentTaskRepository tasks;
  private final ObjectMapper mapper;
  private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final ExecutorService delivery = Executors.newFixedThreadPool(2, daemon("agent-stream"));
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(daemon("agent-sweep"));

  public AgentStreams(AgentEventRepository events, AgentTaskRepository tasks, ObjectMapper mapper) {
    this.events = events;
    this.tasks = tasks;
    this.mapper = mapper;
    sweeper.scheduleWithFixedDelay(this::sweep, 2, 2, TimeUnit.SECONDS);
  }

  /** Opens a stream of a task's events after {@code afterSeq} (0 = from the start). */
  public SseEmitter open(String taskId, int afterSeq) {
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
    Subscriber subscriber = new Subscriber(taskId, emitter, afterSeq);
    subscribers.computeIfAbsent(taskId, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
    emitter.onCompletion(() -> drop(subscriber));
    emitter.onTimeout(() -> drop(subscriber));
    emitter.onError(e -> drop(subscriber));
    try {
      // sent (and the response headers with it) as soon as the request handler returns
      emitter.send(SseEmitter.event().comment("events of agent task " + taskId));
    } catch (IOException e) {
      drop(subscriber);
    }
    delivery.execute(() -> catchUp(subscriber));
    return emitter;
  }

  public int subscriberCount() {
    return subscribers.values().stream().mapToInt(Set::size).sum();
  }

  @EventListener
  public void onEvent(AgentJournal.EventCommitted committed) {
    Set<Subscriber> set = subscribers.get(committed.event().taskId());
    if (set != null) {
      set.forEach(s -> delivery.execute(() -> catchUp(s)));
    }
  }

  private void sweep() {
    Instant now = Instant.now();
    subscribers.values().forEach(set -> set.forEach(s -> delivery.execute(() -> {
      catchUp(s);
      if (!s.closed && s.lastSent.plus(HEARTBEAT).isBefore(now)) {
        try {
          s.emitter.send(SseEmitter.event().comment("keep-alive"));
          s.lastSent = Instant.now();
        } catch (IOException | IllegalStateException e) {
          close(s, e);
        }
      }
    })));
  }

  /** Sends what the subscriber has not seen; closes after the terminal event of a finished task. */
  private void catchUp(Subscriber s) {
    synchronized (s) {
      if (s.closed) {
        return;
      }
      try {
        List<AgentEvent> batch = events.after(s.taskId, s.lastSeq);
        for (AgentEvent event : batch) {
          s.emitter.send(SseEmitter.event().id(String.valueOf(event.seq())).name(event.type())
              .data(mapper.writeValueAsString(view(event)), MediaType.APPLICATION_JSON));
          s.lastSeq = event.seq();
          s.lastSent = Instant.now();
        }
        if (!batch.isEmpty()) {
          s.lastTerminal = batch.get(batch.size() - 1).terminal();
        }
        boolean finished = tasks.find(s.taskId).map(t -> t.status().terminal()).orElse(true);
        // a retried task has an old terminal event followed by newer ones: close only on the last event
        if (finished && (s.lastTerminal == null || s.lastTerminal)) {
          s.closed = true;
          s.emitter.complete();
          drop(s);
        }
      } catch (IOException | IllegalStateException e) {
        close(s, e);
      }
    }
  }

  /** The JSON of an SSE {@code data:} line: the type, then the payload's fields. */
  static Map<String, Object> view(AgentEvent event) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", event.type());
    data.putAll(event.payload());
    data.put("seq", event.seq());
    data.put("task_id", event.taskId());
    data.put("timestamp", event.createdAt().toString());
    return data;
  }

  private void close(Subscriber s, Exception cause) {
    s.closed = true;
    try {
      s.emitter.completeWithError(cause);
    } catch (RuntimeException ignored) {
      // the client is gone; nothing left to tell it
    }
    drop(s);
  }

  private void drop(Subscriber s) {
    s.closed = true;
    Set<Subscriber> set = subscribers.get(s.taskId);
    if (set != null) {
      set.remove(s);
      if (set.isEmpty()) {
        subscribers.remove(s.taskId, set);
      }
    }
  }

  @PreDestroy
  void shutdown() {
    sweeper.shutdownNow();
    delivery.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static final class Subscriber {
    final String taskId;
    final SseEmitter emitter;
    volatile int lastSeq;
    volatile Instant lastSent = Instant.now();
    volatile boolean closed;
    /** Whether the last event sent was terminal; null before anything was sent. */
    volatile Boolean lastTerminal;

    Subscriber(String taskId, SseEmitter emitter, int lastSeq) {
      this.taskId = taskId;
      this.emitter = emitter;
      this.lastSeq = lastSeq;
    }
  }
}
