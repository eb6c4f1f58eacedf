package org.openforge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.openforge.process.Phase;
import org.openforge.process.ProcessIds;

/** Assertions on process instances through the engine's runtime and history queries. */
public class ProcessAssert {

  private final RuntimeService runtime;
  private final HistoryService history;

  public ProcessAssert(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  /** The running instance of a phase for an engagement. */
  public ProcessInstance phase(String engagementId, Phase phase) {
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(engagementId)
        .processDefinitionKey(phase.processKey()).list();
    assertThat(instances).as("running %s instances of %s", phase.processKey(), engagementId).hasSize(1);
    return instances.get(0);
  }

  public List<HistoricProcessInstance> phaseHistory(String engagementId, Phase phase) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(engagementId)
        .processDefinitionKey(phase.processKey()).orderByProcessInstanceStartTime().asc().list();
  }

  /**
   * The newest agent run a phase instance called for a task type: the agent-task instance its call activity started
   * (Cockpit shows it as the phase's sub process instance), running or ended.
   */
  public String agentRun(String phaseInstanceId, String taskType) {
    List<String> runs = history.createHistoricProcessInstanceQuery().superProcessInstanceId(phaseInstanceId)
        .processDefinitionKey(ProcessIds.AGENT_TASK).orderByProcessInstanceStartTime().desc().list().stream()
        .map(HistoricProcessInstance::getId)
        .filter(id -> taskType.equals(taskTypeOf(id))).toList();
    assertThat(runs).as("%s runs called by %s", taskType, phaseInstanceId).isNotEmpty();
    return runs.get(0);
  }

  /** The task type of an agent run (an agent-task instance). */
  public String taskTypeOf(String agentRunInstanceId) {
    return (String) history.createHistoricVariableInstanceQuery().processInstanceId(agentRunInstanceId)
        .variableName(ProcessIds.VAR_TASK_TYPE).singleResult().getValue();
  }

  public void waitingAt(String processInstanceId, String... activityIds) {
    assertThat(runtime.getActiveActivityIds(processInstanceId)).as("active activities").contains(activityIds);
  }

  public void notWaitingAt(String processInstanceId, String... activityIds) {
    assertThat(runtime.getActiveActivityIds(processInstanceId)).as("active activities").doesNotContain(activityIds);
  }

  /** The activities an instance has completed, in order. */
  public List<String> passed(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished()
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  public void hasPassed(String processInstanceId, String... activityIds) {
    assertThat(passed(processInstanceId)).as("completed activities").contains(activityIds);
  }

  public void hasNotPassed(String processInstanceId, String... activityIds) {
    assertThat(passed(processInstanceId)).as("completed activities").doesNotContain(activityIds);
  }

  public void ended(String processInstanceId, String endActivityId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    assertThat(instance.getEndTime()).as("end time of " + processInstanceId).isNotNull();
    assertThat(instance.getEndActivityId()).isEqualTo(endActivityId);
  }

  public Object variable(String processInstanceId, String name) {
    return runtime.getVariable(processInstanceId, name);
  }
}
