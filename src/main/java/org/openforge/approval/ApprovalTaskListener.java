package org.openforge.approval;

import java.util.List;
import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.openforge.process.ProcessIds;
import org.springframework.stereotype.Component;

/**
 * Keeps the approval record of every approval user task: opened on create (with the items to review, also given to
 * the Tasklist form as Markdown), decided on complete (by whoever completed it: a Tasklist user or an API caller),
 * cancelled when the task is deleted without a decision.
 */
@Component("approvalTaskListener")
public class ApprovalTaskListener implements TaskListener {

  private final ApprovalRequests requests;

  public ApprovalTaskListener(ApprovalRequests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getEventName() == null) {
      // the engine names the event only while the task's execution exists: it is gone when the task was completed by
      // someone else between this command reading the task and firing its listeners (a Tasklist/API race)
      throw new BadUserRequestException("task " + task.getId() + " has ended meanwhile; its approval was decided");
    }
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> open(task);
      case EVENTNAME_COMPLETE -> requests.decided(task.getId(), (String) task.getVariable(ProcessIds.VAR_DECISION),
          (String) task.getVariable(ProcessIds.VAR_COMMENT), task.getAssignee());
      case EVENTNAME_DELETE -> requests.deleted(task.getId(), task.getDeleteReason());
      default -> { }
    }
  }

  private void open(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    for (String input : List.of(ProcessIds.VAR_ENGAGEMENT_ID, ProcessIds.VAR_APPROVAL_TYPE)) {
      if (!(execution.getVariable(input) instanceof String value) || value.isBlank()) {
        // a model edited in a modeler that renamed or dropped the input: the modeler's fault, named for them
        String processKey = task.getProcessDefinitionId() == null ? "?" : task.getProcessDefinitionId().split(":")[0];
        throw new ProcessEngineException("the approval user task element " + task.getTaskDefinitionKey() + " of "
            + processKey + " has no input '" + input + "' (renamed or missing in the deployed model)");
      }
    }
    ApprovalRequests.Opened opened = requests.open(task.getId(), task.getProcessInstanceId(), execution::getVariable);
    // a stale decision from an earlier round must not complete this task
    execution.getProcessInstance().removeVariable(ProcessIds.VAR_DECISION);
    execution.getProcessInstance().removeVariable(ProcessIds.VAR_COMMENT);
    String title = opened.title();
    task.setName(title.length() > 250 ? title.substring(0, 250) : title);
    task.setDescription(opened.description());
    task.setVariableLocal(ProcessIds.VAR_APPROVAL_ID, opened.approval().id());
    task.setVariableLocal(ProcessIds.VAR_REVIEW_SUMMARY, opened.reviewSummary());
  }
}
