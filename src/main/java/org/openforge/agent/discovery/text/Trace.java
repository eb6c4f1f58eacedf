package org.openforge.agent.discovery.text;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a finding came from: the input field and the exact sentence.
 *
 * @param field {@code objective}, {@code description}, {@code input_data.initial_requirements[1]}, ...
 * @param text the sentence as written
 * @param leadIn the line that introduced it ("We need to"), when it was a bullet
 */
public record Trace(String field, String text, @JsonInclude(JsonInclude.Include.NON_NULL) String leadIn) {

  public static Trace of(Sentence s) {
    return new Trace(s.field(), s.text(), s.leadIn());
  }
}
