package org.openforge.agent.llm;

import dev.langchain4j.model.chat.ChatModel;

/** Builds langchain4j chat models of one provider. */
public interface ChatModelProvider {

  String name();

  ChatModel create(LlmSettings settings);
}
