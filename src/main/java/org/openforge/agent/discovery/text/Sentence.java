package org.openforge.agent.discovery.text;

/**
 * One sentence or bullet of an input text, with where it came from.
 *
 * @param field the input it came from: {@code objective}, {@code description},
 *     {@code input_data.initial_requirements[0]}, {@code reviewer_feedback}, ...
 * @param index its position within that field (0-based)
 * @param text the sentence as written (bullet marker removed)
 * @param leadIn the line that introduced a bulleted list ("We need to:"), or null
 */
public record Sentence(String field, int index, String text, String leadIn) {

  /** The text together with its lead-in, which carries modality such as "We need to". */
  public String withLeadIn() {
    return leadIn == null ? text : leadIn + " " + text;
  }
}
