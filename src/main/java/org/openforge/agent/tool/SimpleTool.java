package org.openforge.agent.tool;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

/** A tool defined by its name, description, schema and a function. */
public record SimpleTool(String name, String description, JsonObjectSchema parameters, boolean readOnly,
    Body body) implements AgentTool {

  /** What the tool does with a call. */
  @FunctionalInterface
  public interface Body {
    Object run(ToolCall call) throws Exception;
  }

  @Override
  public Object execute(ToolCall call) throws Exception {
    return body.run(call);
  }
}
