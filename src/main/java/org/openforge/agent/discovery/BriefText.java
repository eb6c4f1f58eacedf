package org.openforge.agent.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openforge.agent.discovery.text.Sentence;
import org.openforge.agent.discovery.text.SentenceSplitter;
import org.openforge.engagement.Engagement;

/** The sentences the discovery agents read: the engagement's objective and description, input lists, feedback. */
public final class BriefText {

  public static final String OBJECTIVE = "objective";
  public static final String DESCRIPTION = "description";
  public static final String REVIEWER_FEEDBACK = "reviewer_feedback";
  public static final String TASK_DESCRIPTION = "task.description";

  private BriefText() {}

  /** The objective's and the description's sentences, in that order. */
  public static List<Sentence> engagement(Engagement engagement) {
    List<Sentence> out = new ArrayList<>(SentenceSplitter.split(OBJECTIVE, engagement.objective()));
    out.addAll(SentenceSplitter.split(DESCRIPTION, engagement.description()));
    return out;
  }

  /**
   * The sentences of the task's own description, which a person creating the task may use for the brief ("Analyse
   * the stakeholders: finance, regional managers, ..."). A description that only names the task type (as the
   * lifecycle's default ones do) says nothing and gives none.
   */
  public static List<Sentence> task(String description, String taskType) {
    if (description == null || description.isBlank()) {
      return List.of();
    }
    String plain = description.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", " ").trim();
    String type = taskType == null ? "" : taskType.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    if (plain.split(" ").length <= 4 || plain.equals(type) || plain.endsWith(" " + type)) {
      return List.of();
    }
    return SentenceSplitter.split(TASK_DESCRIPTION, description);
  }

  public static List<Sentence> feedback(String feedback) {
    return SentenceSplitter.split(REVIEWER_FEEDBACK, feedback);
  }

  /**
   * The sentences of an input list such as {@code initial_requirements}: strings, or objects whose text is under
   * {@code text}, {@code description}, {@code requirement}, {@code name} or {@code title}.
   */
  public static List<Sentence> inputList(Map<String, Object> input, String key) {
    List<Sentence> out = new ArrayList<>();
    List<Object> items = InputValues.items(input.get(key));
    for (int i = 0; i < items.size(); i++) {
      String text = InputValues.text(items.get(i), "text", "description", "requirement", "name", "title");
      if (text != null) {
        out.addAll(SentenceSplitter.split("input_data." + key + "[" + i + "]", text));
      }
    }
    return out;
  }
}
