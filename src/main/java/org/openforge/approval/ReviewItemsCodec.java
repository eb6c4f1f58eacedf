package org.openforge.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.openforge.approval.Approval.ReviewItem;
import org.springframework.stereotype.Component;

/**
 * Review items and context travel to an approval task as JSON strings in process variables (string variables need no
 * object serialiser and read well in Cockpit).
 */
@Component
public class ReviewItemsCodec {

  private final ObjectMapper mapper;

  public ReviewItemsCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String encode(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  List<ReviewItem> decode(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return mapper.readValue(json, new TypeReference<List<ReviewItem>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable review items", e);
    }
  }

  Map<String, Object> decodeContext(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return mapper.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable approval context", e);
    }
  }
}
