package org.openforge.agent.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.openforge.agent.AgentResult;
import org.openforge.engagement.ArtifactService;
import org.openforge.ontology.infer.Provenance;
import org.openforge.ontology.linkml.ClassDefinition;
import org.openforge.ontology.linkml.SchemaDefinition;
import org.openforge.ontology.linkml.SchemaReader;

/** Reads what the design agents returned, for assertions. */
final class Reports {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Reports() {}

  static ArtifactService.Draft draft(AgentResult result, String kind) {
    return result.artifacts().stream().filter(a -> a.kind().equals(kind)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " artifact in " + result.artifacts()));
  }

  static SchemaDefinition ontology(AgentResult result) {
    return SchemaReader.parse(draft(result, OntologyDesignAgent.KIND).content());
  }

  static JsonNode json(AgentResult result, String kind) throws Exception {
    return MAPPER.readTree(draft(result, kind).content());
  }

  /** The failing checks of a validation report as "check Class.slot count". */
  static List<String> failures(AgentResult result) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode c : json(result, SchemaValidationAgent.KIND).get("checks")) {
      if (!List.of("passed", "skipped", "warning").contains(c.get("status").asText())) {
        out.add(c.get("check").asText() + " " + c.get("class").asText() + "." + c.get("slot").asText() + " "
            + c.get("violation_count").asLong());
      }
    }
    return out;
  }

  /** The data-quality findings of a validation report (violations of no declared rule) as "check Class.slot count". */
  static List<String> findings(AgentResult result) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode c : json(result, SchemaValidationAgent.KIND).get("checks")) {
      if (c.get("status").asText().equals("warning")) {
        out.add(c.get("check").asText() + " " + c.get("class").asText() + "." + c.get("slot").asText() + " "
            + c.get("violation_count").asLong());
      }
    }
    return out;
  }

  /** The check of a report for a class and slot. */
  static JsonNode check(AgentResult result, String check, String className, String slot) throws Exception {
    for (JsonNode c : json(result, SchemaValidationAgent.KIND).get("checks")) {
      if (c.get("check").asText().equals(check) && c.get("class").asText().equals(className)
          && c.get("slot").asText().equals(slot)) {
        return c;
      }
    }
    throw new AssertionError("no " + check + " check of " + className + "." + slot);
  }

  /** The class whose provenance names this source table. */
  static ClassDefinition classOf(SchemaDefinition schema, String sourceTable) {
    return schema.classes().values().stream()
        .filter(c -> Provenance.of(c, Provenance.SOURCE_TABLE).orElse("").equals(sourceTable)).findFirst()
        .orElseThrow(() -> new AssertionError("no class from " + sourceTable));
  }
}
