package org.openforge.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentRegistry;
import org.openforge.agent.AgentResult;

/**
 * The agent registry of the tests: a test scripts what an agent does for one engagement; engagements without a
 * script get the real agent, or the honest "no agent" failure where none exists.
 */
public class ScriptedAgents extends AgentRegistry {

  /** What a scripted agent does. */
  @FunctionalInterface
  public interface Script {
    AgentResult run(AgentContext context) throws Exception;
  }

  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  public ScriptedAgents(List<Agent> agents) {
    super(agents);
  }

  public void script(String engagementId, String taskType, Script script) {
    scripts.put(engagementId + "/" + taskType, script);
  }

  /** The script of a task type, to wrap in another. */
  public Script scriptOf(String engagementId, String taskType) {
    return scripts.get(engagementId + "/" + taskType);
  }

  /** Fails the first {@code failures} runs with a technical error, then runs {@code then}. */
  public void failFirst(String engagementId, String taskType, int failures, Script then) {
    AtomicInteger left = new AtomicInteger(failures);
    script(engagementId, taskType, context -> {
      if (left.getAndDecrement() > 0) {
        throw new IllegalStateException("scripted failure of " + taskType);
      }
      return then.run(context);
    });
  }

  public int runs(String engagementId, String taskType) {
    AtomicInteger count = runs.get(engagementId + "/" + taskType);
    return count == null ? 0 : count.get();
  }

  @Override
  public Optional<Agent> find(String taskType) {
    Optional<Agent> real = super.find(taskType);
    return Optional.of(new Agent() {
      @Override
      public String taskType() {
        return taskType;
      }

      @Override
      public AgentResult run(AgentContext context) throws Exception {
        String key = context.engagement().id() + "/" + taskType;
        runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        Script script = scripts.get(key);
        if (script != null) {
          return script.run(context);
        }
        return real.orElseThrow(() -> new IllegalStateException("no agent for task type " + taskType)).run(context);
      }
    });
  }
}
