package org.openforge.agent.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.build.pipeline.PipelineSpec;
import org.openforge.agent.build.served.ServedProducts;
import org.openforge.engagement.Engagement;

/**
 * The plan of a platform deployment ({@code deployment_type: platform}, the default): what the deployment approval
 * will put live — the product at the version the Build's pipeline run published, its models, the pipeline's schedule
 * switched on, the data API and dashboard addresses, the freshness watch — and how to undo it.
 */
final class PlatformPlan {

  private PlatformPlan() {}

  static Map<String, Object> of(Engagement engagement, String product, ServedProducts.Built built,
      PipelineSpec pipeline, DeploymentInput input, List<String> exports) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("schema_version", 1);
    plan.put("deployment_type", "platform");
    plan.put("environment", input.environment());
    plan.put("product", product);
    plan.put("ready", built != null);
    plan.put("version", built == null ? null : built.version());
    plan.put("models", built == null ? List.of() : built.models().stream().map(ServedProducts.Model::name).toList());
    Map<String, Object> schedule = new LinkedHashMap<>();
    if (pipeline != null && pipeline.schedule() != null) {
      schedule.put("cron", pipeline.schedule().cron());
      schedule.put("description", pipeline.schedule().description());
    }
    plan.put("pipeline_schedule", schedule);
    plan.put("data_api", "/data/v1/" + product);
    plan.put("openapi", "/data/v1/" + product + "/openapi.json");
    plan.put("dashboard", "/apps/" + product + "/ (signed link: GET /api/v1/engagements/" + engagement.id()
        + "/product)");
    List<String> steps = new ArrayList<>();
    steps.add("the deployment approval in Tasklist (or POST /api/v1/approvals/{id}/approve) ends the Deploy phase");
    steps.add("ServiceTask_PublishProduct publishes the product at a new version over the published data"
        + (built == null ? "" : " (target version " + built.version() + ")"));
    steps.add("the pipeline's timer start is switched on" + (schedule.isEmpty() ? "" : " (" + schedule.get("cron")
        + ")"));
    steps.add("the data API and the dashboard answer; the freshness watch starts (Data product is stale tasks)");
    plan.put("on_approval", steps);
    plan.put("rollback", "POST /api/v1/engagements/" + engagement.id() + "/product/rollback (approver)");
    plan.put("undeploy", "POST /api/v1/engagements/" + engagement.id() + "/product/undeploy (approver)");
    plan.put("exports", exports);
    if (built == null) {
      plan.put("blocked", "no version of the product is published yet: the Build's pipeline run publishes it");
    }
    return plan;
  }
}
