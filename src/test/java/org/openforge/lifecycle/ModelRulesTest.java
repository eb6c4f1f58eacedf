package org.openforge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openforge.process.ApprovalType;
import org.openforge.process.ProcessIds;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.Activity;
import org.operaton.bpm.model.bpmn.instance.CallActivity;
import org.operaton.bpm.model.bpmn.instance.ComplexGateway;
import org.operaton.bpm.model.bpmn.instance.ExclusiveGateway;
import org.operaton.bpm.model.bpmn.instance.FlowElement;
import org.operaton.bpm.model.bpmn.instance.Gateway;
import org.operaton.bpm.model.bpmn.instance.InclusiveGateway;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.SubProcess;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonFailedJobRetryTimeCycle;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonIn;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonTaskListener;
import org.operaton.bpm.model.xml.instance.DomElement;
import org.springframework.beans.factory.annotation.Value;

/**
 * The house rules of the models in {@code bpmn/}, checked on the files a modeler opens (no engine needed): what a
 * model refers to exists, agent work is asynchronous with retries, every element is drawn. The delegate beans are
 * checked against the application context in {@link ModelWiringTest}.
 */
class ModelRulesTest {

  static final String OPERATON_NS = "http://operaton.org/schema/1.0/bpmn";
  private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}$");

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  static Stream<Path> phaseModels() throws IOException {
    return models().filter(p -> p.getFileName().toString().startsWith("phase-"));
  }

  private static BpmnModelInstance read(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  @Test
  void everyPhaseHasAModel() throws IOException {
    assertThat(phaseModels().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("phase-discovery.bpmn", "phase-design.bpmn", "phase-build.bpmn",
            "phase-deploy.bpmn");
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyProcessHasAHistoryTimeToLive(Path file) {
    for (Process process : read(file).getModelElementsByType(Process.class)) {
      assertThat(process.getOperatonHistoryTimeToLiveString()).as("historyTimeToLive of %s", process.getId())
          .isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyElementIsDrawn(Path file) {
    BpmnModelInstance model = read(file);
    Set<String> shapes = new HashSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      assertThat(shape.getBounds()).as("bounds of %s", shape.getId()).isNotNull();
      shapes.add(shape.getBpmnElement().getId());
    }
    Set<String> edges = new HashSet<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      assertThat(edge.getWaypoints()).as("waypoints of %s", edge.getId()).hasSizeGreaterThanOrEqualTo(2);
      edges.add(edge.getBpmnElement().getId());
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      Set<String> drawn = element instanceof SequenceFlow ? edges : shapes;
      assertThat(drawn).as("%s: DI of %s", file, element.getId()).contains(element.getId());
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void branchingGatewaysNameTheirFlowsAndHaveADefault(Path file) {
    for (Gateway gateway : read(file).getModelElementsByType(Gateway.class)) {
      if (gateway.getOutgoing().size() < 2
          || !(gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway
              || gateway instanceof ComplexGateway)) {
        continue; // a fork runs every flow; a merge has one
      }
      for (SequenceFlow flow : gateway.getOutgoing()) {
        assertThat(flow.getName()).as("%s: name of %s", file, flow.getId()).isNotBlank();
      }
      assertThat(gateway.getAttributeValue("default")).as("%s: default of %s", file, gateway.getId()).isNotNull();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void agentWorkIsAsynchronousWithRetries(Path file) {
    BpmnModelInstance model = read(file);
    List<Activity> agentWork = new ArrayList<>();
    model.getModelElementsByType(ServiceTask.class).stream()
        .filter(task -> "${agentTaskDelegate}".equals(task.getOperatonDelegateExpression()))
        .forEach(agentWork::add);
    model.getModelElementsByType(CallActivity.class).stream()
        .filter(call -> ProcessIds.AGENT_TASK.equals(call.getCalledElement()))
        .forEach(agentWork::add);
    for (Activity activity : agentWork) {
      assertThat(activity.getAttributeValueNs(OPERATON_NS, "asyncBefore")).as("%s: asyncBefore of %s", file,
          activity.getId()).isEqualTo("true");
      assertThat(activity.getExtensionElements()).as("%s: extensions of %s", file, activity.getId()).isNotNull();
      assertThat(activity.getExtensionElements().getElementsQuery()
          .filterByType(OperatonFailedJobRetryTimeCycle.class).list())
          .as("%s: retry cycle of %s", file, activity.getId()).singleElement()
          .satisfies(cycle -> assertThat(cycle.getTextContent()).matches("R\\d+/PT\\d+[SM]"));
    }
  }

  @ParameterizedTest
  @MethodSource("phaseModels")
  void phasesCallTheAgentTaskProcessInsteadOfEmbeddingACopy(Path file) {
    BpmnModelInstance model = read(file);
    assertThat(model.getModelElementsByType(SubProcess.class)).as("%s: embedded subprocesses", file).isEmpty();
    assertThat(model.getModelElementsByType(ServiceTask.class)).as("%s: agent service tasks", file)
        .noneMatch(task -> "${agentTaskDelegate}".equals(task.getOperatonDelegateExpression()));
    assertThat(model.getModelElementsByType(UserTask.class)).as("%s: user tasks", file).hasSize(1);
    List<CallActivity> calls = model.getModelElementsByType(CallActivity.class).stream().toList();
    assertThat(calls).as("%s: agent calls", file).isNotEmpty();
    for (CallActivity call : calls) {
      assertThat(call.getId()).startsWith("CallActivity_");
      assertThat(call.getCalledElement()).isEqualTo(ProcessIds.AGENT_TASK);
      assertThat(call.getOperatonCalledElementBinding()).isEqualTo("latest");
      List<OperatonIn> in = call.getExtensionElements().getElementsQuery().filterByType(OperatonIn.class).list();
      assertThat(in).as("%s: business key passed to %s", file, call.getId())
          .anyMatch(mapping -> "#{execution.processBusinessKey}".equals(mapping.getOperatonBusinessKey()));
      assertThat(in).extracting(OperatonIn::getOperatonTarget).as("%s: variables passed to %s", file, call.getId())
          .contains(ProcessIds.VAR_ENGAGEMENT_ID, ProcessIds.VAR_TASK_TYPE, ProcessIds.VAR_PHASE);
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void userTasksHaveADeployedFormAndNoHandWrittenApprovalListener(Path file) throws Exception {
    String formPattern = ModelDeployer.class.getConstructors()[0].getParameters()[1].getAnnotation(Value.class)
        .value();
    assertThat(formPattern).as("the deployer's models").contains("classpath*:forms/*.form");
    for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
      String ref = task.getAttributeValueNs(OPERATON_NS, "formRef");
      assertThat(ref).as("%s: formRef of %s", file, task.getId()).isNotBlank();
      assertThat(task.getAttributeValueNs(OPERATON_NS, "formRefBinding")).isEqualTo("latest");
      List<String> forms = ref.startsWith("${")
          // chosen when the agent pauses: one form per kind of request an agent can make
          ? Stream.of(ApprovalType.TOOL_EXECUTION, ApprovalType.DATA_ACCESS, ApprovalType.SCHEMA_CHANGE)
              .map(type -> type.value().replace('_', '-')).toList()
          : List.of(ref);
      for (String form : forms) {
        Path formFile = Path.of("forms", form + ".form");
        assertThat(formFile).as("%s: form of %s", file, task.getId()).exists();
        assertThat(Files.readString(formFile)).contains("\"id\": \"" + form + "\"");
      }
      // the approval listener is added to every user task by ApprovalListenerPlugin
      if (task.getExtensionElements() != null) {
        assertThat(task.getExtensionElements().getElementsQuery().filterByType(OperatonTaskListener.class).list())
            .as("%s: listeners of %s", file, task.getId())
            .noneMatch(listener -> "${approvalTaskListener}".equals(listener.getOperatonDelegateExpression()));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void delegateExpressionsNameABean(Path file) {
    assertThat(delegateBeans(file)).as("%s: delegate expressions", file).allSatisfy(name -> assertThat(name)
        .matches("[A-Za-z_][A-Za-z0-9_]*"));
  }

  /**
   * The bean names of every {@code operaton:delegateExpression} in a model: service and business rule tasks,
   * execution and task listeners, message event definitions.
   */
  static List<String> delegateBeans(Path file) {
    List<String> names = new ArrayList<>();
    collect(read(file).getDocument().getRootElement(), names);
    return names;
  }

  private static void collect(DomElement element, List<String> names) {
    String expression = element.getAttribute(OPERATON_NS, "delegateExpression");
    if (expression != null) {
      Matcher bean = BEAN.matcher(expression);
      names.add(bean.matches() ? bean.group(1) : expression);
    }
    for (DomElement child : element.getChildElements()) {
      collect(child, names);
    }
  }
}
