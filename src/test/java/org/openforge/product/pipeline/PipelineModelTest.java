package org.openforge.product.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openforge.support.IntegrationTest;
import org.operaton.bpm.engine.repository.Deployment;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.ExclusiveGateway;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/** The generated pipeline model: valid, laid out, its gateways named with defaults, and deployable twice. */
class PipelineModelTest extends IntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.context.ApplicationContext context;

  @Test
  void schedulesTranslateToEngineTimers() {
    assertThat(EngineCron.of("@daily")).isEqualTo("0 0 0 * * ?");
    assertThat(EngineCron.of("30 6 * * *")).isEqualTo("0 30 6 * * ?");
    assertThat(EngineCron.of("0 7 * * 1-5")).isEqualTo("0 0 7 ? * 2-6");
    assertThat(EngineCron.of("0 7 * * 0")).isEqualTo("0 0 7 ? * 1");
    assertThat(EngineCron.of("0 */4 1 * *")).isEqualTo("0 0 */4 1 * ?");
    assertThatThrownBy(() -> EngineCron.of("0 7 1 * 1")).hasMessageContaining("one of them");
  }

  @Test
  void theModelIsLaidOutAndEveryGatewayHasNamedFlowsAndADefault() {
    BpmnModelInstance model = PipelineModel.generate("sales", "Sales", "e-1", EngineCron.of("@daily"));
    Bpmn.validateModel(model);
    List<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).toList();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as("shape of " + node.getId()).contains(node.getId());
    }
    List<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).toList();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as("edge of " + flow.getId()).contains(flow.getId());
    }
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() > 1) {
        assertThat(gateway.getDefault()).as("default of " + gateway.getId()).isNotNull();
        assertThat(gateway.getOutgoing()).allSatisfy(f -> assertThat(f.getName()).isNotBlank());
      }
    }
  }

  @Test
  void everyDelegateAndTheReviewFormExist() {
    BpmnModelInstance model = PipelineModel.generate("sales", "Sales", "e-1", EngineCron.of("@daily"));
    List<String> beans = model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.ServiceTask.class)
        .stream().map(t -> t.getOperatonDelegateExpression().replaceAll("^\\$\\{|}$", "")).toList();
    assertThat(beans).hasSize(6).allSatisfy(bean -> assertThat(context.containsBean(bean)).as(bean).isTrue());
    assertThat(repository.createDeploymentQuery().list()).isNotEmpty();
    assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("forms/review-data-quality.form"))).isTrue();
    assertThat(model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.UserTask.class))
        .allSatisfy(t -> assertThat(t.getOperatonFormRef()).isEqualTo("review-data-quality"));
  }

  @Test
  void eachBuildDeploysANewVersionWithASchedulerAndARunNowMessage() {
    String slug = "model-test-" + System.nanoTime();
    String key = PipelineProcess.key(slug);
    try {
      for (int build = 1; build <= 2; build++) {
        BpmnModelInstance model = PipelineModel.generate(slug, "Model test", "e-1", EngineCron.of("0 6 * * *"));
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
      }
      ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult();
      assertThat(latest.getVersion()).isEqualTo(2);
      List<Job> timers = management.createJobQuery().processDefinitionId(latest.getId()).timers().list();
      assertThat(timers).hasSize(1);
      assertThat(runtime.createEventSubscriptionQuery().eventType("message")
          .eventName(PipelineProcess.runMessage(slug)).count()).isEqualTo(1);
    } finally {
      repository.createDeploymentQuery().deploymentName(key).list().stream().map(Deployment::getId)
          .forEach(id -> repository.deleteDeployment(id, true));
    }
  }
}
