package org.openforge.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  private final Map<String, List<Map<String, Object>>> results = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Map<String, Object>>> eldest) {
          return size() > 10_000;
        }
      });

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
    // a decision table is a pure function of its deployed version and its inputs: the same inputs give the same
    // rows, so a remembered result is never stale (new evidence changes the inputs, a redeployment the version)
    String key = definition.getId() + "|" + new TreeMap<>(variables);
    List<Map<String, Object>> rows = results.get(key);
    if (rows == null) {
      rows = dmn.evaluateDecision(decision, variables).getResultList().stream()
          .map(r -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
      results.put(key, rows);
    }
    return rows.stream().map(r -> (Map<String, Object>) new LinkedHashMap<>(r)).toList();
  }
}
