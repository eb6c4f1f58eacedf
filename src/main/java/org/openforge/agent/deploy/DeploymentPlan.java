package org.openforge.agent.deploy;

import java.util.List;
import java.util.Map;

/**
 * What gets deployed: the data API, the dashboard and — when a pipeline spec exists — the pipeline's jobs on their
 * schedule, with their images (pinned tags), the configuration values, the secret keys they need (referenced, never
 * written), and the ports of the sources they reach.
 *
 * @param pipelineJobs job names of the Dagster project, run by CronJobs on {@code cron}
 * @param secretKeys the keys the referenced Secret must hold
 * @param sourcePorts TCP ports of the databases the pods connect to
 */
public record DeploymentPlan(String slug, String title, DeploymentInput input, String tag, String cron,
    String pipelineModule, List<String> pipelineJobs, List<String> secretKeys, List<Integer> sourcePorts,
    Map<String, String> config) {

  public String api() {
    return slug + "-api";
  }

  public String ui() {
    return slug + "-ui";
  }

  public String pipeline() {
    return slug + "-pipeline";
  }

  public String secret() {
    return slug + "-secrets";
  }

  public String configMap() {
    return slug + "-config";
  }

  public String image(String component) {
    return input.imageRepository() + "-" + component + ":" + tag;
  }
}
