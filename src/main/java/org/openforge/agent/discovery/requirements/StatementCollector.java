package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openforge.agent.discovery.BriefText;
import org.openforge.agent.discovery.InputValues;
import org.openforge.agent.discovery.text.Moscow;
import org.openforge.agent.discovery.text.Sentence;
import org.openforge.agent.discovery.text.SentenceSplitter;
import org.openforge.engagement.Engagement;

/**
 * The statements requirements are gathered from, in this order: the objective, the description, {@code
 * input_data.initial_requirements}, {@code input_data.requirements} (strings or {@code {text, priority}}), then the
 * reviewer's feedback. When the input lists none, the input statements of the previous requirements document are
 * carried over, so a rework run (which has no input) keeps them.
 */
final class StatementCollector {

  private StatementCollector() {}

  static List<Statement> collect(Engagement engagement, String taskDescription, Map<String, Object> input,
      List<Statement> carried, String feedback) {
    List<Statement> out = new ArrayList<>();
    for (Sentence s : BriefText.engagement(engagement)) {
      out.add(new Statement(s, s.field().equals(BriefText.OBJECTIVE) ? Origin.OBJECTIVE : Origin.DESCRIPTION, null,
          null));
    }
    // the task's description is read as the engagement's is: asks become requirements, the rest is context
    for (Sentence s : BriefText.task(taskDescription, RequirementsGatheringAgent.TASK_TYPE)) {
      out.add(new Statement(s, Origin.DESCRIPTION, null, null));
    }
    List<Statement> fromInput = new ArrayList<>(list(input, "initial_requirements", Origin.INITIAL_REQUIREMENT));
    fromInput.addAll(list(input, "requirements", Origin.REQUIREMENT));
    out.addAll(fromInput.isEmpty() ? carried.stream().filter(c -> c.origin() != Origin.REVIEWER_FEEDBACK).toList()
        : fromInput);
    out.addAll(carried.stream().filter(c -> c.origin() == Origin.REVIEWER_FEEDBACK
        && (feedback == null || !feedback.contains(c.text()))).toList());
    for (Sentence s : BriefText.feedback(feedback)) {
      out.add(new Statement(s, Origin.REVIEWER_FEEDBACK, null, null));
    }
    return out;
  }

  static boolean hasInputLists(Map<String, Object> input) {
    return !InputValues.items(input.get("initial_requirements")).isEmpty()
        || !InputValues.items(input.get("requirements")).isEmpty();
  }

  private static List<Statement> list(Map<String, Object> input, String key, Origin origin) {
    List<Statement> out = new ArrayList<>();
    List<Object> items = InputValues.items(input.get(key));
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      String text = InputValues.text(item, "text", "description", "requirement", "name", "title");
      if (text == null) {
        continue;
      }
      Moscow given = item instanceof Map<?, ?> map
          ? Moscow.parse(InputValues.text(map, "priority", "moscow")).orElse(null) : null;
      for (Sentence s : SentenceSplitter.split("input_data." + key + "[" + i + "]", text)) {
        out.add(new Statement(s, origin, given, null));
      }
    }
    return out;
  }
}
