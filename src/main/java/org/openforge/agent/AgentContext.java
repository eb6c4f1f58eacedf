package org.openforge.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.Engagement;
import org.openforge.lifecycle.Phase;

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

  /**
   * @param latestWithContent finds the newest artifact of a kind, with content
   * @param journal where progress goes; null in unit tests of agents
   */
  public AgentContext(Engagement engagement, AgentTask task, Phase phase, List<Artifact> artifacts,
      String reviewerFeedback, Function<String, Optional<Artifact>> latestWithContent, AgentJournal journal) {
    this.engagement = engagement;
    this.task = task;
    this.phase = phase;
    this.artifacts = artifacts;
    this.reviewerFeedback = reviewerFeedback;
    this.latestWithContent = latestWithContent;
    this.journal = journal;
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
