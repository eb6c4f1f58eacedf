package org.openforge.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** JSON kept in text columns: written and read with the application's mapper. */
@Component
public class JsonText {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<Object>> LIST = new TypeReference<>() {};

  private final ObjectMapper mapper;

  public JsonText(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public Map<String, Object> map(String json) {
    return json == null || json.isBlank() ? new LinkedHashMap<>() : read(json, MAP);
  }

  public List<Object> list(String json) {
    return json == null || json.isBlank() ? List.of() : read(json, LIST);
  }

  public JsonNode tree(String json) {
    try {
      return json == null ? mapper.nullNode() : mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable", e);
    }
  }

  public <T> T read(String json, Class<T> type) {
    try {
      return json == null ? null : mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable as " + type.getSimpleName(), e);
    }
  }

  public <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable", e);
    }
  }

  public <T> T convert(Object value, Class<T> type) {
    return mapper.convertValue(value, type);
  }

  public ObjectMapper mapper() {
    return mapper;
  }
}
