package org.openforge.agent.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.process.ApprovalType;
import org.openforge.engagement.Artifact;

/** Validation and mapping decline when there is nothing to work on — business outcomes, not failures. */
class DesignDeclinesTest {

  private static DesignHarness withSamples() {
    return new DesignHarness("Sales", "Weekly sales", null).attach(DesignHarness.csv("csv-sales",
        Path.of("samples/sales")));
  }

  @Test
  void validationWithoutAnOntologyDeclines() {
    DesignHarness h = withSamples();
    assertThatThrownBy(() -> h.run(new SchemaValidationAgent(h), Map.of()))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("run ontology_design first");
  }

  @Test
  void aSchemaIdThatIsNoOntologyDeclines() {
    DesignHarness h = withSamples();
    Artifact other = h.add("requirements.json", "requirements_document", "application/json", "{}");
    assertThatThrownBy(() -> h.run(new SchemaValidationAgent(h), Map.of("schema_id", other.id())))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("is not an ontology artifact");
  }

  @Test
  void onlyUnknownValidationRulesDecline() throws Exception {
    DesignHarness h = withSamples();
    h.run(new OntologyDesignAgent(h), Map.of());
    assertThatThrownBy(() -> h.run(new SchemaValidationAgent(h), Map.of("validation_rules", List.of("spelling"))))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("[spelling]")
        .hasMessageContaining("referential_integrity");
  }

  @Test
  void anOntologyNoSourceHoldsDeclinesValidation() {
    DesignHarness h = withSamples();
    h.add("ontology.yaml", "ontology", "application/yaml", "id: https://example.org/hr\nname: hr\nclasses:\n"
        + "  Employee:\n    attributes:\n      employee_id:\n        identifier: true\n");
    assertThatThrownBy(() -> h.run(new SchemaValidationAgent(h), Map.of()))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("Employee: no table named employee");
  }

  @Test
  void mappingWithoutSourcesDeclines() {
    DesignHarness h = new DesignHarness("Sales", "Weekly sales", null);
    h.add("ontology.yaml", "ontology", "application/yaml", "id: https://example.org/s\nname: s\nclasses:\n"
        + "  Sale:\n    attributes:\n      sale_id:\n        identifier: true\n");
    assertThatThrownBy(() -> h.run(new TransformationDesignAgent(h), Map.of()))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("no attached data source could be read");
  }

  @Test
  void refusedDataAccessDeclinesDesignAndValidation() throws Exception {
    DesignHarness h = withSamples();
    h.run(new OntologyDesignAgent(h), Map.of());
    h.reviewDataAccess(true);
    h.reviewer(false, "not before the privacy review");
    assertThatThrownBy(() -> h.run(new SchemaValidationAgent(h), Map.of()))
        .isInstanceOf(AgentDeclinedException.class)
        .hasMessage("data access was refused: not before the privacy review");
    assertThatThrownBy(() -> h.run(new OntologyDesignAgent(h), Map.of()))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("data access was refused");
    assertThat(h.asked()).extracting(DesignHarness.Asked::type).containsOnly(ApprovalType.DATA_ACCESS).hasSize(2);
    assertThat(h.asked().get(0).items()).extracting(i -> i.name()).containsExactly("csv sales");
  }

  @Test
  void sourcesWithoutTablesGiveNoOntology() throws Exception {
    Path empty = Path.of("target/design-csv/" + java.util.UUID.randomUUID());
    java.nio.file.Files.createDirectories(empty);
    DesignHarness h = new DesignHarness("Sales", "Weekly sales", null, empty).attach(DesignHarness.csv("csv-empty",
        empty));
    assertThatThrownBy(() -> h.run(new OntologyDesignAgent(h), Map.of()))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("no table or file to model");
  }
}
