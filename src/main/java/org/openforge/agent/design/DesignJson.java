package org.openforge.agent.design;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * The JSON of the design artifacts: snake_case, indented, nulls kept (a null in an example row is information).
 * Documents are records and insertion-ordered maps, so the same input gives the same bytes.
 */
final class DesignJson {

  static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private DesignJson() {}

  static String write(Object document) {
    try {
      return MAPPER.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A document as plain maps and lists, for a task's outputs. */
  static Map<String, Object> toMap(Object document) {
    return MAPPER.convertValue(document, new TypeReference<Map<String, Object>>() {});
  }

  /** A tool's Java result as the given type (it already is one when the tool ran in-process). */
  static <T> T as(Object value, Class<T> type) {
    return type.isInstance(value) ? type.cast(value) : MAPPER.convertValue(value, type);
  }
}
