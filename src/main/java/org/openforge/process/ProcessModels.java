package org.openforge.process;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.CallActivity;
import org.operaton.bpm.model.bpmn.instance.EndEvent;
import org.operaton.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Reads deployed BPMN models (cached per definition id: a deployed definition never changes), so the code follows
 * what a modeler deployed instead of hard-coding element ids: which phase a call activity calls, whether an end event
 * is an error end event, which call activity in the lifecycle calls a phase.
 */
@Component
public class ProcessModels {

  private final RepositoryService repository;
  private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

  public ProcessModels(RepositoryService repository) {
    this.repository = repository;
  }

  public BpmnModelInstance model(String processDefinitionId) {
    return models.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance);
  }

  /** The phase a lifecycle call activity starts, read from its calledElement. */
  public Optional<Phase> phaseOfActivity(String processDefinitionId, String activityId) {
    ModelElementInstance element = model(processDefinitionId).getModelElementById(activityId);
    if (element instanceof CallActivity call) {
      return Phase.ofProcessKey(call.getCalledElement());
    }
    return Optional.empty();
  }

  /** The lifecycle's call activity that starts the given phase. */
  public Optional<String> callActivityOf(String processDefinitionId, Phase phase) {
    return model(processDefinitionId).getModelElementsByType(CallActivity.class).stream()
        .filter(call -> phase.processKey().equals(call.getCalledElement()))
        .map(CallActivity::getId)
        .findFirst();
  }

  public java.util.List<String> callActivities(String processDefinitionId) {
    return model(processDefinitionId).getModelElementsByType(CallActivity.class).stream().map(CallActivity::getId)
        .toList();
  }

  public boolean isErrorEnd(String processDefinitionId, String activityId) {
    if (activityId == null) {
      return false;
    }
    ModelElementInstance element = model(processDefinitionId).getModelElementById(activityId);
    return element instanceof EndEvent end
        && end.getEventDefinitions().stream().anyMatch(d -> d instanceof ErrorEventDefinition);
  }
}
