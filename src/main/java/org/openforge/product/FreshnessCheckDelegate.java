package org.openforge.product;

import java.util.List;
import org.openforge.process.ProcessIds;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * One freshness check of {@code product-freshness}: sets what the form shows and the gateway reads, and keeps one
 * {@link FreshnessWatch#INCIDENT_TYPE} incident open on the instance exactly while the product is stale.
 */
@Component("freshnessCheckDelegate")
public class FreshnessCheckDelegate implements JavaDelegate {

  private final FreshnessWatch watch;
  private final RuntimeService runtime;

  public FreshnessCheckDelegate(FreshnessWatch watch, RuntimeService runtime) {
    this.watch = watch;
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String engagementId = (String) execution.getVariable(ProcessIds.VAR_ENGAGEMENT_ID);
    FreshnessWatch.Check check = watch.check(engagementId);
    execution.setVariable("stale", check.stale());
    execution.setVariable("staleReason", check.staleReason());
    execution.setVariable("slaHours", check.freshness().slaHours());
    execution.setVariable("lastSuccessAt", check.freshness().lastSuccessAt() == null ? "never"
        : check.freshness().lastSuccessAt().toString());
    execution.setVariable("lastRunStatus", check.lastRun() == null ? "none" : check.lastRun().status());
    execution.setVariable("lastError", check.lastRun() == null || check.lastRun().error() == null ? "none"
        : check.lastRun().error());
    List<Incident> open = runtime.createIncidentQuery().processInstanceId(execution.getProcessInstanceId())
        .incidentType(FreshnessWatch.INCIDENT_TYPE).list();
    if (check.stale() && open.isEmpty()) {
      execution.createIncident(FreshnessWatch.INCIDENT_TYPE, engagementId,
          "Data product " + execution.getVariable(FreshnessWatch.VAR_PRODUCT) + " is stale: " + check.staleReason());
    } else if (!check.stale()) {
      open.forEach(incident -> execution.resolveIncident(incident.getId()));
    }
  }
}
