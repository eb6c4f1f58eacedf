package org.openforge.agent.design;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.stereotype.Component;

/**
 * The JSON of the design artifacts, written and read with the application mapper: snake_case, indented, nulls kept
 * (a null in an example row is information). Documents are records and insertion-ordered maps, so the same input
 * gives the same bytes. Reading ignores fields a record does not know (an artifact of another version).
 */
@Component
public class DesignJson {

  private final ObjectMapper mapper;

  public DesignJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  String write(Object document) {
    try {
      return mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** An artifact as its record. */
  <T> T read(String json, Class<T> type) {
    try {
      return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** A tool's Java result as the given type (it already is one when the tool ran in-process). */
  <T> T as(Object value, Class<T> type) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    JsonNode tree = mapper.valueToTree(value);
    try {
      return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
