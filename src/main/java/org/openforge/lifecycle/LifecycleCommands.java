package org.openforge.lifecycle;

import org.openforge.process.ProcessIds;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.process.ProcessModels;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.openforge.system.ApiException;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.variable.Variables;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.openforge.agent.AgentTaskRepository;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementLifecycle;
import org.springframework.stereotype.Service;

/**
 * The engine operations behind an engagement's lifecycle: start, pause (suspend every process instance of the
 * engagement — the same as suspending in Cockpit), resume, cancel (delete with the reason kept in history).
 */
@Service
public class LifecycleCommands implements EngagementLifecycle {

  private final RuntimeService runtime;
  private final EvidenceNotifier evidence;
  private final AgentTaskRepository agentTasks;
  private final Clock clock;

  private final RepositoryService repository;
  private final ProcessModels models;

  /** An expression as the engine quotes it in "Unknown property used in expression: ${x}". */
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  /** How our listeners name the element they fail on: "element UserTask_X of process-key". */
  private static final Pattern ELEMENT = Pattern.compile("element (\\w+) of ");

  public LifecycleCommands(RuntimeService runtime, EvidenceNotifier evidence, AgentTaskRepository agentTasks,
      Clock clock, RepositoryService repository, ProcessModels models) {
    this.repository = repository;
    this.models = models;
    this.runtime = runtime;
    this.evidence = evidence;
    this.agentTasks = agentTasks;
    this.clock = clock;
  }

  @Override
  public String start(Engagement engagement) {
    try {
      ProcessInstance instance = runtime.createProcessInstanceByKey(ProcessIds.LIFECYCLE)
          .businessKey(engagement.id())
          .setVariables(Variables.createVariables()
              .putValue(ProcessIds.VAR_ENGAGEMENT_ID, engagement.id())
              .putValue(ProcessIds.VAR_REQUIRES_APPROVAL, engagement.requiresApproval())
              .putValue(ProcessIds.VAR_AUTO_RUN, engagement.agentConfig().withDefaults().autoRun()))
          .execute();
      return instance.getId();
    } catch (OptimisticLockingException e) {
      throw e;
    } catch (ProcessEngineException e) {
      // a deployed model that cannot start (an unknown bean or variable in an expression) is the model's fault,
      // reported with the model; the engagement's transaction rolls back, nothing is stored
      ProcessDefinition model = repository.createProcessDefinitionQuery().processDefinitionKey(ProcessIds.LIFECYCLE)
          .latestVersion().singleResult();
      String element = model == null ? null : failedElement(model.getId(), e.getMessage());
      throw ApiException.conflict("the deployed lifecycle model " + ProcessIds.LIFECYCLE
          + (model == null ? "" : " (version " + model.getVersion() + ", resource " + model.getResourceName() + ")")
          + (element == null ? "" : ", element " + element)
          + " cannot start an engagement: " + e.getMessage())
          .with("model", ProcessIds.LIFECYCLE).with("element", element);
    }
  }

  @Override
  public void pause(Engagement engagement) {
    List<String> ids = running(engagement.id(), false);
    if (!ids.isEmpty()) {
      runtime.updateProcessInstanceSuspensionState().byProcessInstanceIds(ids).suspend();
    }
  }

  @Override
  public void resume(Engagement engagement) {
    List<String> ids = running(engagement.id(), true);
    if (!ids.isEmpty()) {
      runtime.updateProcessInstanceSuspensionState().byProcessInstanceIds(ids).activate();
    }
    // evidence that arrived while paused did not wake the gate
    evidence.notifyEvidence(engagement.id());
  }

  /**
   * Deletes the lifecycle (and with it the running phase and the agent runs it called) and any agent-task process
   * of the engagement started through the API.
   */
  @Override
  public void cancel(Engagement engagement, String reason) {
    String deleteReason = "cancelled: " + reason;
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(engagement.id())
        .processDefinitionKey(ProcessIds.AGENT_TASK).rootProcessInstances().list()) {
      runtime.deleteProcessInstance(instance.getId(), deleteReason, false, true);
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(engagement.processInstanceId()).count() > 0) {
      runtime.deleteProcessInstance(engagement.processInstanceId(), deleteReason, false, true);
    }
    agentTasks.cancelOpen(engagement.id(), null, "engagement cancelled: " + reason, OffsetDateTime.now(clock));
  }

  /** The element an engine error names: its own words, else the element holding the expression it could not use. */
  private String failedElement(String definitionId, String message) {
    if (message == null) {
      return null;
    }
    Matcher named = ELEMENT.matcher(message);
    if (named.find()) {
      return named.group(1);
    }
    Matcher expression = EXPRESSION.matcher(message);
    return expression.find() ? models.elementMentioning(definitionId, expression.group()).orElse(null) : null;
  }

  private List<String> running(String engagementId, boolean suspended) {
    var query = runtime.createProcessInstanceQuery().processInstanceBusinessKey(engagementId);
    return (suspended ? query.suspended() : query.active()).list().stream().map(ProcessInstance::getId).toList();
  }
}
