package org.openforge.agent.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
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

  /** Several documents (maps or fabric8 objects), each started by a "---" line. */
  static String writeAll(List<?> documents) {
    StringBuilder out = new StringBuilder();
    for (Object doc : documents) {
      out.append("---\n").append(write(doc));
    }
    return out.toString();
  }

  /**
   * Every document of a YAML stream as its fabric8 model object (the kind and apiVersion choose the class; an
   * unknown kind reads as a {@link io.fabric8.kubernetes.api.model.GenericKubernetesResource}).
   */
  static List<HasMetadata> readObjects(String yaml) {
    try (MappingIterator<KubernetesResource> it = MAPPER.readerFor(KubernetesResource.class).readValues(yaml)) {
      List<HasMetadata> out = new ArrayList<>();
      while (it.hasNext()) {
        KubernetesResource doc = it.next();
        if (doc instanceof HasMetadata object) {
          out.add(object);
        } else if (doc != null) {
          throw new IllegalArgumentException("not a Kubernetes object: " + doc.getClass().getSimpleName());
        }
      }
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid Kubernetes YAML: " + e.getMessage(), e);
    }
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
