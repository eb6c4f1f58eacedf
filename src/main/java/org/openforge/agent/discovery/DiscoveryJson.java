package org.openforge.agent.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * The JSON of the discovery artifacts: snake_case fields, indented, nulls left out. Documents use records and
 * insertion-ordered maps only, so the same input gives byte-identical JSON.
 */
public final class DiscoveryJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private DiscoveryJson() {}

  public static String write(Object document) throws JsonProcessingException {
    return MAPPER.writeValueAsString(document) + "\n";
  }

  /** The document as plain maps and lists, for the task's outputs. */
  public static Map<String, Object> toMap(Object document) {
    return MAPPER.convertValue(document, new TypeReference<Map<String, Object>>() {});
  }

  public static JsonNode read(String json) throws JsonProcessingException {
    return MAPPER.readTree(json);
  }
}
