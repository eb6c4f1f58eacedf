package org.openforge.agent.discovery.requirements;

import org.openforge.agent.discovery.text.Moscow;
import org.openforge.agent.discovery.text.Sentence;
import org.openforge.agent.discovery.text.Trace;

/**
 * A sentence to gather requirements from.
 *
 * @param givenPriority a priority the input attached to it ({@code {text, priority: "must"}}), or null
 * @param carriedFrom the earlier requirements document it was carried over from, or null
 */
record Statement(Sentence sentence, Origin origin, Moscow givenPriority, String carriedFrom) {

  String text() {
    return sentence.text();
  }

  Trace trace() {
    return Trace.of(sentence);
  }
}
