package org.openforge.agent;

import java.util.List;
import java.util.Map;
import org.openforge.engagement.ArtifactService;

/** What an agent hands back: outputs (the task's result), artifacts to version, a confidence in [0, 1], a summary. */
public record AgentResult(Map<String, Object> outputs, List<ArtifactService.Draft> artifacts, double confidence,
    String summary) {

  public AgentResult {
    outputs = outputs == null ? Map.of() : outputs;
    artifacts = artifacts == null ? List.of() : artifacts;
    if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
    }
  }
}
