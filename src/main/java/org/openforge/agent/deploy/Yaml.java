package org.openforge.agent.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** YAML for manifests: documents written in insertion order without the leading "---", read back as plain maps. */
final class Yaml {

  private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private Yaml() {}

  static String write(Object document) {
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** Several documents, each started by a "---" line. */
  static String writeAll(List<Map<String, Object>> documents) {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> doc : documents) {
      out.append("---\n").append(write(doc));
    }
    return out.toString();
  }

  /** Every document of a YAML stream. */
  static List<Map<String, Object>> readAll(String yaml) {
    try (MappingIterator<Map<String, Object>> it = MAPPER.readerFor(new TypeReference<Map<String, Object>>() {})
        .readValues(yaml)) {
      List<Map<String, Object>> out = new ArrayList<>();
      while (it.hasNext()) {
        Map<String, Object> doc = it.next();
        if (doc != null) {
          out.add(doc);
        }
      }
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
    }
  }
}
