package org.openforge.agent.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentResult;
import org.openforge.process.ApprovalType;
import org.openforge.engagement.ArtifactService;

/** The ontology design agent's outcomes: declines, determinism, and the schema-change review of approved versions. */
class OntologyDesignAgentTest {

  private static DesignHarness harness(Path folder) {
    return new DesignHarness("Sales", "Weekly sales by region", null, folder)
        .attach(DesignHarness.csv("csv-copy", folder));
  }

  /** A copy of samples/sales that a test may change. */
  private static Path copyOfSamples() throws Exception {
    Path folder = Path.of("target/design-csv/" + UUID.randomUUID());
    Files.createDirectories(folder);
    try (var files = Files.list(Path.of("samples/sales"))) {
      for (Path f : files.toList()) {
        Files.copy(f, folder.resolve(f.getFileName()));
      }
    }
    return folder;
  }

  /** Drops the last column (manager) of regions.csv. */
  private static void dropRegionManager(Path folder) throws Exception {
    Path regions = folder.resolve("regions.csv");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(regions)) {
      lines.add(line.substring(0, line.lastIndexOf(',')));
    }
    Files.write(regions, lines);
  }

  @Test
  void declinesWithoutAnAttachedSource() {
    DesignHarness h = new DesignHarness("Sales", "Weekly sales", null);
    assertThatThrownBy(() -> h.run(new OntologyDesignAgent(h), Map.of()))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("no data source is attached");
  }

  @Test
  void declinesWhenNoAttachedSourceCanBeRead() {
    DesignHarness h = new DesignHarness("Sales", "Weekly sales", null)
        .attach(Scratch.source("pg-missing", "openforge_design_never_created", null));
    assertThatThrownBy(() -> h.run(new OntologyDesignAgent(h), Map.of()))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("no attached data source could be read")
        .hasMessageContaining("pg-missing");
  }

  @Test
  void theSameSourcesGiveTheSameArtifactsByteForByte() throws Exception {
    DesignHarness h = harness(Path.of("samples/sales"));
    AgentResult first = h.run(new OntologyDesignAgent(h), Map.of("domain", "sales"));
    AgentResult second = h.run(new OntologyDesignAgent(h), Map.of("domain", "sales"));
    assertThat(second.artifacts()).extracting(ArtifactService.Draft::content)
        .containsExactlyElementsOf(first.artifacts().stream().map(ArtifactService.Draft::content).toList());
    assertThat(first.artifacts()).extracting(ArtifactService.Draft::kind)
        .containsExactly("ontology", "ontology_ddl", "ontology_json_schema");
    assertThat(Reports.draft(first, "ontology_ddl").mediaType()).isEqualTo("application/sql");
  }

  @Test
  void anUnchangedOntologyNeedsNoReview() throws Exception {
    DesignHarness h = harness(Path.of("samples/sales"));
    h.run(new OntologyDesignAgent(h), Map.of());
    h.approveLatest("ontology");
    h.run(new OntologyDesignAgent(h), Map.of());
    assertThat(h.asked()).isEmpty();
    assertThat(h.versions("ontology")).hasSize(2);
  }

  @Test
  void aChangeToTheApprovedOntologyIsReviewedBeforeItIsWritten() throws Exception {
    Path folder = copyOfSamples();
    DesignHarness h = harness(folder);
    h.run(new OntologyDesignAgent(h), Map.of("domain", "sales"));
    h.approveLatest("ontology");
    dropRegionManager(folder);
    AgentResult changed = h.run(new OntologyDesignAgent(h), Map.of("domain", "sales"));
    assertThat(h.asked()).hasSize(1);
    DesignHarness.Asked asked = h.asked().get(0);
    assertThat(asked.type()).isEqualTo(ApprovalType.SCHEMA_CHANGE);
    assertThat(asked.subject()).isEqualTo(Reports.draft(changed, "ontology").content());
    assertThat(asked.items()).extracting(i -> i.name() + ": " + i.summary())
        .containsExactly("Region.manager: BREAKING: Slot manager removed from Region");
    assertThat(asked.context()).containsEntry("approved_version", 1).containsEntry("breaking_count", 1L)
        .containsKey(SchemaChangeReview.SCHEMA_HASH);
    assertThat(h.versions("ontology")).hasSize(2);
    assertThat(h.versions("ontology").get(1).content()).doesNotContain("manager");
  }

  @Test
  void aRefusedChangeKeepsTheApprovedVersionAndDeclinesWithTheComment() throws Exception {
    Path folder = copyOfSamples();
    DesignHarness h = harness(folder);
    h.run(new OntologyDesignAgent(h), Map.of());
    h.approveLatest("ontology");
    dropRegionManager(folder);
    h.reviewer(false, "regional managers are still reported on");
    assertThatThrownBy(() -> h.run(new OntologyDesignAgent(h), Map.of()))
        .isInstanceOf(AgentDeclinedException.class)
        .hasMessageContaining("regional managers are still reported on")
        .hasMessageContaining("approved version 1");
    assertThat(h.versions("ontology")).hasSize(1);
    assertThat(h.versions("ontology_ddl")).hasSize(1);
  }

  @Test
  void theSourceCatalogArtifactIsUsedWhenItCoversTheSource() throws Exception {
    DesignHarness h = harness(Path.of("samples/sales"));
    AgentResult profiled = h.run(new OntologyDesignAgent(h), Map.of("domain", "sales"));
    ObjectMapper writer = new ObjectMapper().findAndRegisterModules()
        .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    h.add("source-catalog.json", "source_catalog", "application/json", writer.writeValueAsString(Map.of(
        "sources", List.of(h.profile("csv-copy")), "summary", Map.of("source_count", 1))));
    AgentResult fromArtifact = h.run(new OntologyDesignAgent(h), Map.of("domain", "sales"));
    assertThat(fromArtifact.outputs().get("sources")).isEqualTo(Map.of("csv-copy", "source_catalog artifact"));
    assertThat(profiled.outputs().get("sources")).isEqualTo(Map.of("csv-copy", "profile_source"));
    assertThat(Reports.draft(fromArtifact, "ontology").content())
        .isEqualTo(Reports.draft(profiled, "ontology").content());
  }
}
