package org.openforge.agent.build;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The JSON of the build and deploy artifacts, with the application mapper's conventions (snake_case): indented, nulls
 * left out, decimals written plainly. Documents are records and insertion-ordered maps, so the same input gives the
 * same text. The copy only differs from the application mapper in leaving nulls out (a writer cannot carry that).
 */
@Component
public class BuildJson {

  private final ObjectMapper mapper;
  private final ObjectWriter writer;

  public BuildJson(ObjectMapper mapper) {
    this.mapper = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    this.writer = this.mapper.writer(SerializationFeature.INDENT_OUTPUT)
        .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  /** The application's one mapper, for clients that read JSON bodies. */
  public ObjectMapper mapper() {
    return mapper;
  }

  public String write(Object document) {
    try {
      return writer.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The document as plain maps and lists. */
  public Map<String, Object> toMap(Object document) {
    return mapper.convertValue(document, new TypeReference<Map<String, Object>>() {});
  }

  public JsonNode read(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** An artifact as its record; fields of other versions are ignored. */
  public <T> T read(String json, Class<T> type) {
    try {
      return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** An insertion-ordered map from alternating keys and values (Map.of has no stable order). */
  public static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return m;
  }
}
