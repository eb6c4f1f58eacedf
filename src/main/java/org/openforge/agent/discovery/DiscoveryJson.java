package org.openforge.agent.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The JSON of the discovery artifacts: the application mapper's conventions (snake_case), indented, nulls left out.
 * Documents use records and insertion-ordered maps only, so the same input gives byte-identical JSON. The copy only
 * differs from the application mapper in leaving nulls out (an inclusion rule a writer cannot carry).
 */
@Component
public class DiscoveryJson {

  private final ObjectMapper mapper;

  public DiscoveryJson(ObjectMapper mapper) {
    this.mapper = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  public String write(Object document) throws JsonProcessingException {
    return mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
  }

  /** The document as plain maps and lists, for the task's outputs. */
  public Map<String, Object> toMap(Object document) {
    return mapper.convertValue(document, new TypeReference<Map<String, Object>>() {});
  }

  /** An artifact as its record; fields of other versions are ignored. */
  public <T> T read(String json, Class<T> type) throws JsonProcessingException {
    return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
  }
}
