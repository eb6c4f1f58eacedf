package org.openforge.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openforge.process.Phase;
import org.springframework.stereotype.Component;

/** Maps the task types of DESIGN §5 to the agents registered as beans. */
@Component
public class AgentRegistry {

  /** Every task type the platform knows, in phase order. */
  public static final List<String> TASK_TYPES = java.util.Arrays.stream(Phase.values())
      .flatMap(p -> p.taskTypes().stream()).toList();

  private final Map<String, Agent> agents;

  public AgentRegistry(List<Agent> agents) {
    this.agents = agents.stream().collect(Collectors.toMap(Agent::taskType, Function.identity(), (a, b) -> {
      throw new IllegalStateException("two agents for task type " + a.taskType());
    }));
  }

  public Optional<Agent> find(String taskType) {
    return Optional.ofNullable(agents.get(taskType));
  }
}
