package org.openforge.lifecycle;

import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.DecisionTable;
import org.operaton.bpm.model.dmn.instance.Output;
import org.operaton.bpm.model.dmn.instance.OutputEntry;
import org.operaton.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The requirements of each phase gate, read from the latest deployed gate DMN: every distinct {@code requirement}
 * its rules can output, with its name and description. Editing the DMN table changes the requirements — no Java
 * change. {@code rework_requested} is a hold, not a requirement.
 */
@Component
public class GateCatalog {

  public static final String REWORK = "rework_requested";
  public static final String HUMAN_APPROVAL = "human_approval";
  /** Ids the guide uses for a requirement known under another id. */
  private static final Map<String, String> ALIASES = Map.of("ontology_validated", "schema_validated");

  private final RepositoryService repository;
  private final Map<String, List<Requirement>> byDefinition = new ConcurrentHashMap<>();

  public GateCatalog(RepositoryService repository) {
    this.repository = repository;
  }

  public record Requirement(String gateId, String name, String description) {}

  public List<Requirement> requirements(Phase phase) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ProcessIds.gateDecisionKey(phase)).latestVersion().singleResult();
    if (definition == null) {
      return List.of();
    }
    return byDefinition.computeIfAbsent(definition.getId(), id -> read(repository.getDmnModelInstance(id), phase));
  }

  /** The phase a gate id belongs to; {@code human_approval} belongs to the phase asked about. */
  public Optional<Phase> phaseOf(String gateId, Phase current) {
    String canonical = canonical(gateId);
    if (HUMAN_APPROVAL.equals(canonical) && current != null && current.isWorkPhase()
        && requirements(current).stream().anyMatch(r -> r.gateId().equals(canonical))) {
      return Optional.of(current);
    }
    for (Phase phase : Phase.values()) {
      if (phase.isWorkPhase() && requirements(phase).stream().anyMatch(r -> r.gateId().equals(canonical))) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }

  public String canonical(String gateId) {
    return ALIASES.getOrDefault(gateId, gateId);
  }

  public List<String> allGateIds() {
    List<String> ids = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      if (phase.isWorkPhase()) {
        requirements(phase).stream().map(Requirement::gateId).filter(id -> !ids.contains(id)).forEach(ids::add);
      }
    }
    ids.addAll(ALIASES.keySet());
    return ids;
  }

  private static List<Requirement> read(DmnModelInstance model, Phase phase) {
    Decision decision = model.getModelElementById(ProcessIds.gateDecisionKey(phase));
    if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
      return List.of();
    }
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    int idColumn = column(outputs, "requirement");
    int nameColumn = column(outputs, "name");
    int descriptionColumn = column(outputs, "description");
    Map<String, Requirement> requirements = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      String id = literal(entries, idColumn);
      if (id == null || REWORK.equals(id) || requirements.containsKey(id)) {
        continue;
      }
      String name = literal(entries, nameColumn);
      requirements.put(id, new Requirement(id, name == null ? id : name, literal(entries, descriptionColumn)));
    }
    return List.copyOf(requirements.values());
  }

  private static int column(List<Output> outputs, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        return i;
      }
    }
    return -1;
  }

  private static String literal(List<OutputEntry> entries, int column) {
    if (column < 0 || column >= entries.size() || entries.get(column).getText() == null) {
      return null;
    }
    String text = entries.get(column).getText().getTextContent().trim();
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1)
        : null;
  }
}
