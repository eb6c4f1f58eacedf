package org.openforge.agent.tool;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

/**
 * A tool agents use — built-in agents call it directly, LLM-assisted runs let the model call it. Every call goes
 * through the {@link ToolExecutor}, so the engagement's tool approvals and the audit of tool calls apply either way.
 */
public interface AgentTool {

  String name();

  String description();

  /** The arguments, as the JSON schema given to a model. */
  JsonObjectSchema parameters();

  /** Whether the tool only reads (offered to models reviewing a run) or changes something. */
  default boolean readOnly() {
    return true;
  }

  /** Runs the tool; the result is JSON-serialisable and is what the model and the journal see. */
  Object execute(ToolCall call) throws Exception;
}
