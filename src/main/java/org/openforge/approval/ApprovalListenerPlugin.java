package org.openforge.approval;

import java.util.ArrayList;
import java.util.List;
import org.openforge.process.ProcessIds;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.task.TaskDefinition;
import org.operaton.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.operaton.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed process the approval task listener on create, complete and delete, so the
 * BPMN files need not repeat it and a user task added in a modeler keeps its approval record. The listener is the
 * bean expression {@code ${approvalTaskListener}}, resolved when the task fires (the bean needs the built engine). A
 * task that still declares it itself (a model version deployed before) keeps just that one. The user tasks of
 * generated pipelines ({@code pipeline-*}) are data-quality reviews and that of {@code product-freshness} is an
 * alert, not approvals: they get none.
 */
@Component
public class ApprovalListenerPlugin extends AbstractProcessEnginePlugin {

  public static final String LISTENER = "${approvalTaskListener}";
  public static final List<String> EVENTS =
      List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new UserTasks(configuration));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private record UserTasks(ProcessEngineConfigurationImpl configuration) implements BpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      String key = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
      if (key.startsWith(ProcessIds.PIPELINE_PREFIX) || key.equals(ProcessIds.PRODUCT_FRESHNESS)) {
        return;
      }
      TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      for (String event : EVENTS) {
        List<TaskListener> declared = task.getTaskListenersForEvent(event);
        if (declared == null || declared.stream().noneMatch(UserTasks::isApprovalListener)) {
          task.addTaskListener(event, new DelegateExpressionTaskListener(
              configuration.getExpressionManager().createExpression(LISTENER), List.of()));
        }
      }
    }

    private static boolean isApprovalListener(TaskListener listener) {
      return listener instanceof DelegateExpressionTaskListener expression
          && LISTENER.equals(expression.getExpressionText());
    }
  }
}
