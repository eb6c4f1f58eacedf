package org.openforge.agent.tool;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The tools registered as beans, by name. */
@Component
public class ToolRegistry {

  private final Map<String, AgentTool> tools = new TreeMap<>();

  public ToolRegistry(List<AgentTool> tools) {
    for (AgentTool tool : tools) {
      if (this.tools.put(tool.name(), tool) != null) {
        throw new IllegalStateException("two tools named " + tool.name());
      }
    }
  }

  public Optional<AgentTool> find(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public Collection<AgentTool> all() {
    return tools.values();
  }

  public List<String> readOnlyNames() {
    return tools.values().stream().filter(AgentTool::readOnly).map(AgentTool::name).toList();
  }

  public List<ToolSpecification> specifications(Collection<String> names) {
    return names.stream().map(tools::get).filter(java.util.Objects::nonNull)
        .map(t -> ToolSpecification.builder().name(t.name()).description(t.description())
            .parameters(t.parameters()).build())
        .toList();
  }
}
