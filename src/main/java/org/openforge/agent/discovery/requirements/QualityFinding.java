package org.openforge.agent.discovery.requirements;

import java.util.List;
import org.openforge.agent.discovery.text.Quality;

/**
 * A non-functional requirement found in a sentence.
 *
 * @param title a short name ("Data freshness", "Row-level access by region")
 * @param phrase what the solution must do, completing "The dashboard must ..."
 * @param target the measurable target, or null
 * @param criteria acceptance criteria; "{scope}" stands for what the requirement applies to
 * @param questions what the text leaves open
 * @param start where the words that expressed it start in the sentence
 * @param end where they end
 */
record QualityFinding(Quality quality, String title, String phrase, Target target, List<String> criteria,
    List<String> questions, int start, int end) {}
