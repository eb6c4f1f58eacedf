package org.openforge.agent.discovery.requirements;

import java.util.List;
import org.openforge.agent.discovery.text.Trace;

/**
 * Something the stakeholders must answer before the requirement can be built and tested.
 *
 * @param kind {@code ambiguity} (a vague word), {@code missing_detail}, {@code conflict} or {@code unclassified}
 */
public record OpenQuestion(String id, String kind, String question, List<String> requirements, Trace source) {}
