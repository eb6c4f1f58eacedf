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

  /**
   * The id of the innermost element of a deployed model whose attributes or text contain {@code text} (an expression
   * such as {@code ${noSuchBean}} named in an engine error), to tell a modeler which element to fix.
   */
  public Optional<String> elementMentioning(String processDefinitionId, String text) {
    try (java.io.InputStream xml = repository.getProcessModel(processDefinitionId)) {
      javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return Optional.ofNullable(innermost(factory.newDocumentBuilder().parse(xml).getDocumentElement(), text))
          .filter(id -> !id.isEmpty());
    } catch (java.io.IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      return Optional.empty(); // the model was parsed by the engine; failing here only loses the hint
    }
  }

  /** The id of the innermost element with an id that contains the text; "" when only elements without one do. */
  private static String innermost(org.w3c.dom.Element element, String text) {
    boolean here = false;
    org.w3c.dom.NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength() && !here; i++) {
      if (children.item(i) instanceof org.w3c.dom.Element child) {
        String found = innermost(child, text);
        if (found != null && !found.isEmpty()) {
          return found;
        }
        here = found != null;
      }
    }
    here = here || element.getTextContent().contains(text);
    org.w3c.dom.NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; !here && i < attributes.getLength(); i++) {
      here = attributes.item(i).getNodeValue().contains(text);
    }
    if (!here) {
      return null;
    }
    return element.hasAttribute("id") ? element.getAttribute("id") : "";
  }
}
