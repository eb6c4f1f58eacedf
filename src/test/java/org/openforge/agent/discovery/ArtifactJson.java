package org.openforge.agent.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.openforge.agent.AgentResult;
import org.openforge.engagement.ArtifactService;

/** Reads the artifacts an agent returned. */
public final class ArtifactJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ArtifactJson() {}

  public static ArtifactService.Draft draft(AgentResult result, String name) {
    return result.artifacts().stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no artifact " + name + " in " + result.artifacts()));
  }

  public static JsonNode json(AgentResult result, String name) throws Exception {
    return MAPPER.readTree(draft(result, name).content());
  }

  /** The elements of an array node that match. */
  public static List<JsonNode> where(JsonNode array, Predicate<JsonNode> test) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(n -> {
      if (test.test(n)) {
        out.add(n);
      }
    });
    return out;
  }

  /** The single element of an array whose field has the value. */
  public static JsonNode one(JsonNode array, String field, String value) {
    List<JsonNode> found = where(array, n -> n.path(field).asText().equals(value));
    if (found.size() != 1) {
      throw new AssertionError("expected one element with " + field + "=" + value + ", found " + found.size()
          + " in " + array);
    }
    return found.get(0);
  }

  /** The text values of an array node. */
  public static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Every field name in the document, recursively. */
  public static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> {
        out.add(name);
        out.addAll(fieldNames(node.get(name)));
      });
    } else if (node.isArray()) {
      node.forEach(n -> out.addAll(fieldNames(n)));
    }
    return out;
  }
}
