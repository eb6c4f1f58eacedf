package org.openforge.agent.discovery.stakeholder;

import java.util.List;
import org.openforge.agent.discovery.text.Trace;

/**
 * One entry of the stakeholder register.
 *
 * @param source {@code input}, {@code input_and_text}, {@code text} or {@code previous_analysis}
 * @param roleBasis how the role profile was chosen (the role as given, its wording, the name, the text)
 * @param mentions the sentences of the brief that name them
 * @param priority high / medium / low, from the quadrant
 */
public record Stakeholder(String id, String name, String role, String roleBasis, Category category, String source,
    List<Trace> mentions, Score influence, Score interest, Quadrant quadrant, String priority, String strategy,
    Communication communication, List<Concern> concerns, List<String> notes) {}
