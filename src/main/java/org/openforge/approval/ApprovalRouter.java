package org.openforge.approval;

import org.openforge.process.ApprovalType;
import java.util.HashMap;
import java.util.Map;
import org.operaton.bpm.dmn.engine.DmnDecisionResultEntries;
import org.operaton.bpm.engine.DecisionService;
import org.openforge.engagement.AgentConfig;
import org.openforge.process.ProcessIds;
import org.springframework.stereotype.Component;

/**
 * The inputs of the approval-routing DMN (from the engagement's agent_config) and, for approvals raised in Java such
 * as tool calls, its evaluation. Phase sign-offs evaluate the same table in their business rule task.
 */
@Component
public class ApprovalRouter {

  private final DecisionService decisions;
  private final boolean deploymentAlwaysHuman;

  /**
   * @param deploymentAlwaysHuman whether the deployment sign-off always goes to a person whatever an engagement's
   *     settings say ({@code openforge.approvals.deployment-always-human}, an administrator's setting)
   */
  public ApprovalRouter(DecisionService decisions,
      @org.springframework.beans.factory.annotation.Value("${openforge.approvals.deployment-always-human:true}")
      boolean deploymentAlwaysHuman) {
    this.decisions = decisions;
    this.deploymentAlwaysHuman = deploymentAlwaysHuman;
  }

  /** The routing decision: {@code human} or {@code automatic}, and why. */
  public record Route(String route, String reason) {
    public boolean human() {
      return Approval.HUMAN.equals(route);
    }
  }

  /**
   * @param settingEnabled whether approval_settings ask for a person (for a tool: the tool is listed)
   * @param confidence the agents' confidence, or null when unknown
   */
  public Map<String, Object> inputs(AgentConfig config, ApprovalType type, boolean settingEnabled, Double confidence,
      boolean approvedByHand) {
    AgentConfig c = config.withDefaults();
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("approvalType", type.value());
    inputs.put("approvedByHand", approvedByHand);
    inputs.put("alwaysRequired", c.alwaysRequires(type));
    inputs.put("settingEnabled", settingEnabled);
    inputs.put("confidence", confidence);
    inputs.put("threshold", c.autoApproveThreshold());
    inputs.put("deploymentAlwaysHuman", deploymentAlwaysHuman);
    return inputs;
  }

  public Route route(Map<String, Object> inputs) {
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ProcessIds.APPROVAL_ROUTING)
        .variables(inputs).evaluate().getSingleResult();
    return toRoute(result);
  }

  public static Route toRoute(DmnDecisionResultEntries result) {
    if (result == null) {
      return new Route(Approval.HUMAN, "no routing rule matched; a person decides");
    }
    Object route = result.getEntry("route");
    Object reason = result.getEntry("reason");
    return new Route(route == null ? Approval.HUMAN : route.toString(), reason == null ? "" : reason.toString());
  }
}
