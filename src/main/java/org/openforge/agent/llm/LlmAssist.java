package org.openforge.agent.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentResult;
import org.openforge.agent.tool.ToolRegistry;
import org.openforge.engagement.ArtifactService;
import org.springframework.stereotype.Component;

/**
 * The LLM-assisted mode of every agent: after the built-in agent has done its deterministic work, the configured
 * model reviews it against the engagement's artifacts and data (through the read-only tools) and writes a review.
 * The structure of the agent's output stays the same; the review is added as {@code llm_review} and as a Markdown
 * artifact.
 */
@Component
public class LlmAssist {

  private final ToolRegistry tools;
  private final ObjectMapper mapper;

  public LlmAssist(ToolRegistry tools, ObjectMapper mapper) {
    this.tools = tools;
    this.mapper = mapper;
  }

  public AgentResult review(AgentContext context, AgentResult result, LlmSession llm) {
    String type = context.task().taskType();
    context.progress("llm_review", "asking " + llm.settings().provider() + " to review the " + type + " result");
    String review = llm.run(systemPrompt(type), userPrompt(context, result), tools.readOnlyNames());
    Map<String, Object> outputs = new LinkedHashMap<>(result.outputs());
    outputs.put("llm_review", review);
    List<ArtifactService.Draft> artifacts = new ArrayList<>(result.artifacts());
    artifacts.add(new ArtifactService.Draft(type.replace('_', '-') + "-review.md", type + "_review", "text/markdown",
        review, "Model review of the " + type.replace('_', ' ') + " result",
        Map.of("provider", llm.settings().provider(), "model", String.valueOf(llm.settings().model()))));
    return new AgentResult(outputs, artifacts, result.confidence(), result.summary());
  }

  static String systemPrompt(String taskType) {
    return "You are the " + taskType.replace('_', ' ') + " agent of Open Forge, a platform that takes data "
        + "engagements from discovery to deployment. A deterministic analysis has already produced the result "
        + "below. Check it against the engagement's artifacts and data with the tools you have, then answer in "
        + "Markdown with three short sections: Findings, Gaps and risks, Improvements. Be concrete; never invent "
        + "data you have not seen through a tool.";
  }

  String userPrompt(AgentContext context, AgentResult result) {
    StringBuilder p = new StringBuilder();
    p.append("Engagement: ").append(context.engagement().name()).append('\n');
    p.append("Objective: ").append(String.valueOf(context.engagement().objective())).append('\n');
    if (context.engagement().description() != null) {
      p.append("Description: ").append(context.engagement().description().strip()).append('\n');
    }
    p.append("Task: ").append(String.valueOf(context.description())).append('\n');
    if (!context.input().isEmpty()) {
      p.append("Task input: ").append(json(context.input())).append('\n');
    }
    context.reviewerFeedback().ifPresent(f -> p.append("Reviewer feedback to address: ").append(f).append('\n'));
    p.append("\nResult summary: ").append(result.summary()).append('\n');
    p.append("Outputs: ").append(truncate(json(result.outputs()), 4000)).append('\n');
    for (ArtifactService.Draft draft : result.artifacts()) {
      p.append("\nArtifact ").append(draft.name()).append(" (").append(draft.kind()).append("): ")
          .append(draft.summary()).append('\n').append(truncate(draft.content(), 4000)).append('\n');
    }
    return p.toString();
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static String truncate(String text, int max) {
    return text == null ? "" : text.length() <= max ? text : text.substring(0, max) + " …";
  }
}
