package org.openforge.agent.discovery.stakeholder;

import java.util.List;
import org.openforge.agent.discovery.text.Trace;

/**
 * What a stakeholder needs from the engagement, and the statements it was derived from.
 *
 * @param topic the feature or quality it is about ("export", "latency"), {@code stated} when the brief names the
 *     stakeholder in the sentence, {@code given} when the input listed it, {@code role} for the role's standing need
 */
public record Concern(String topic, String need, List<Trace> sources) {}
