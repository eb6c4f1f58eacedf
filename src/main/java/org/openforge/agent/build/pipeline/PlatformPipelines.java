package org.openforge.agent.build.pipeline;

import java.util.List;
import org.openforge.agent.design.model.ModelGraph;
import org.openforge.engagement.Engagement;

/**
 * The pipeline the platform runs itself (declared here, implemented by the product layer): a new version of the
 * engagement's {@code pipeline-<slug>} process built from the design's model graph, deployed with its schedule off
 * until the product is deployed, and a first run started on the full data.
 */
public interface PlatformPipelines {

  /** What was deployed: the process key and version, the run started (null when one was already running). */
  record Deployed(String processKey, int version, String runId, List<String> tables, int modelCount,
      int testCount) {}

  /** @param maxDataAge the freshness requirement, which becomes the deployed product's SLA; null when there is none */
  Deployed deploy(Engagement engagement, ModelGraph graph, String cron, java.time.Duration maxDataAge);

  /**
   * The Dagster export of the same plan (an asset per loaded table and per model, an asset check per test, the
   * schedule created running), by file path.
   */
  java.util.Map<String, String> dagsterExport(Engagement engagement, ModelGraph graph, String packageName, String cron,
      String scheduleDescription);
}
