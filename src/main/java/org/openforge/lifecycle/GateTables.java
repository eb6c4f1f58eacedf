package org.openforge.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The latest deployed gate tables, parsed once per deployed version and evaluated by a standalone DMN engine
 * (FEEL, as the process engine's) that keeps no history — for reads. Decisions that change something go through
 * the engine's decision service.
 */
@Component
public class GateTables {

  private final RepositoryService repository;
  private final DmnEngine dmn;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public GateTables(RepositoryService repository) {
    this.repository = repository;
    this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  }

  public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> variables) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
        .latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("no decision '" + decisionKey + "' is deployed");
    }
    DmnDecision decision = parsed.computeIfAbsent(definition.getId(),
        id -> dmn.parseDecision(decisionKey, repository.getDmnModelInstance(id)));
    return dmn.evaluateDecision(decision, variables).getResultList();
  }
}
