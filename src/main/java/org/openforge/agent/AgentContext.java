package org.openforge.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.Engagement;
import org.openforge.agent.llm.LlmSession;
import org.openforge.agent.tool.ToolExecutor;
import org.openforge.process.Phase;

/**
 * Everything an agent works from: the engagement (objective, description, configuration), the task and its input,
 * the artifacts produced so far, and the reviewer's feedback when the phase is being reworked. Progress reported
 * here is streamed to clients as it happens.
 */
public final class AgentContext {

  private final Engagement engagement;
  private final AgentTask task;
  private final Phase phase;
  private final List<Artifact> artifacts;
  private final String reviewerFeedback;
  private final Function<String, Optional<Artifact>> latestWithContent;
  private final AgentJournal journal;
  private final ToolExecutor tools;
  private final LlmSession llm;
  private final RunApprovals approvals;

  /**
   * @param latestWithContent finds the newest artifact of a kind, with content
   * @param journal where progress goes; null in unit tests of agents
   */
  public AgentContext(Engagement engagement, AgentTask task, Phase phase, List<Artifact> artifacts,
      String reviewerFeedback, Function<String, Optional<Artifact>> latestWithContent, AgentJournal journal) {
    this(engagement, task, phase, artifacts, reviewerFeedback, latestWithContent, journal, null, null, null);
  }

  /**
   * @param tools the run's tool executor (approvals and audit apply); null when the agent uses no tools
   * @param llm the run's model session when the run is LLM-assisted, else null
   * @param approvals the run's approvals (data access, schema changes); null when the agent asks for none
   */
  public AgentContext(Engagement engagement, AgentTask task, Phase phase, List<Artifact> artifacts,
      String reviewerFeedback, Function<String, Optional<Artifact>> latestWithContent, AgentJournal journal,
      ToolExecutor tools, LlmSession llm, RunApprovals approvals) {
    this.engagement = engagement;
    this.task = task;
    this.phase = phase;
    this.artifacts = artifacts;
    this.reviewerFeedback = reviewerFeedback;
    this.latestWithContent = latestWithContent;
    this.journal = journal;
    this.tools = tools;
    this.llm = llm;
    this.approvals = approvals;
  }

  /** Asks for a reviewer's decision (data access, a schema change) when the engagement wants one. */
  public RunApprovals approvals() {
    if (approvals == null) {
      throw new IllegalStateException("this run has no approvals");
    }
    return approvals;
  }

  /** The run's tools: data access and writing go through them, so approvals and the tool-call audit apply. */
  public ToolExecutor tools() {
    if (tools == null) {
      throw new IllegalStateException("this run has no tool executor");
    }
    return tools;
  }

  /** The model session when the run is LLM-assisted (a provider other than builtin is configured). */
  public Optional<LlmSession> llm() {
    return Optional.ofNullable(llm);
  }

  public Engagement engagement() {
    return engagement;
  }

  public AgentTask task() {
    return task;
  }

  public Phase phase() {
    return phase;
  }

  public Map<String, Object> input() {
    return task.inputData() == null ? Map.of() : task.inputData();
  }

  public String description() {
    return task.description();
  }

  /** Earlier artifacts of the engagement (without content), oldest first. */
  public List<Artifact> artifacts() {
    return artifacts;
  }

  /** The newest artifact of a kind, with its content. */
  public Optional<Artifact> latest(String kind) {
    return latestWithContent.apply(kind);
  }

  /** The comment of the last rejected sign-off of this phase: what to rework. */
  public Optional<String> reviewerFeedback() {
    return Optional.ofNullable(reviewerFeedback);
  }

  public void progress(String step, String message) {
    if (journal != null) {
      journal.progress(task.id(), step, message);
    }
  }

  AgentJournal journal() {
    return journal;
  }
}
