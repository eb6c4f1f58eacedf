package org.openforge.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A versioned output of an engagement (a catalog, a schema, a pipeline spec, ...). {@code metadata} carries the
 * numbers gates read (e.g. {@code stakeholder_count}); {@code content} is the document itself, omitted in listings.
 */
public record Artifact(String id, String engagementId, String name, String kind, String phase, int version,
    String mediaType, @JsonInclude(JsonInclude.Include.NON_NULL) String content, String summary, Map<String, Object> metadata, String agentTaskId,
    OffsetDateTime createdAt) {

  public long metric(String key) {
    Object value = metadata == null ? null : metadata.get(key);
    return value instanceof Number n ? n.longValue() : 0L;
  }

  public boolean flag(String key) {
    Object value = metadata == null ? null : metadata.get(key);
    return value instanceof Boolean b && b;
  }
}
