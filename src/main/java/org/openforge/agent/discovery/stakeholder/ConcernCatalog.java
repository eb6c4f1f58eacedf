package org.openforge.agent.discovery.stakeholder;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each category of stakeholder needs when a statement touches a topic: users need the exports they asked for,
 * the technical team needs a feasible latency target, the data owner needs control over data leaving the platform.
 * Topics are the values of {@code Feature} and {@code Quality}.
 */
final class ConcernCatalog {

  private static final Map<Category, Map<String, String>> NEEDS = new EnumMap<>(Category.class);

  static {
    needs(Category.EXECUTIVE,
        "dashboard", "headline KPIs visible at a glance",
        "report", "regular summary reporting to steer decisions",
        "comparison", "performance compared across units and periods",
        "trend_analysis", "the direction of the business over time",
        "prediction", "forward-looking figures to act early",
        "alert", "early warning on exceptions",
        "tracking", "progress against targets",
        "latency", "decisions taken on current figures",
        "freshness", "figures recent enough to trust");
    needs(Category.MANAGEMENT,
        "dashboard", "a dashboard for their area",
        "comparison", "their area compared with its peers",
        "report", "reports on their area's performance",
        "trend_analysis", "trends in their area",
        "tracking", "tracking of the metrics they manage",
        "alert", "alerts when their area needs action",
        "export", "data to share with their teams",
        "search_filter", "drill-down into their area's details",
        "segmentation", "segments they can act on",
        "latency", "current data during the working day",
        "freshness", "up-to-date figures");
    needs(Category.BUSINESS_USER,
        "dashboard", "a dashboard they use day to day",
        "export", "exports of the data they see, for their own analysis",
        "comparison", "comparison views for their work",
        "search_filter", "filters and drill-down",
        "report", "the reports they receive or produce",
        "alert", "timely notifications",
        "tracking", "tracking of what they are responsible for",
        "trend_analysis", "trend views",
        "segmentation", "segments to act on",
        "analysis", "self-service analysis",
        "prediction", "scores they can act on, with an explanation",
        "latency", "data that is current while they work",
        "freshness", "data fresh enough for daily work",
        "performance", "views that load quickly",
        "usability", "ease of use and training");
    needs(Category.TECHNICAL,
        "latency", "a feasible, affordable way to meet the latency target (streaming or batch)",
        "freshness", "a load schedule that meets the freshness target",
        "performance", "query performance at the expected volume",
        "scalability", "capacity for the expected data volume",
        "export", "export formats and size limits",
        "security", "implementing the access control",
        "data_integration", "source access and integration effort",
        "availability", "operations and uptime commitments",
        "dashboard", "a maintainable data model behind the dashboards",
        "prediction", "model training, serving and monitoring",
        "auditability", "logging and lineage",
        "data_quality", "data-quality checks in the pipelines",
        "report", "report scheduling and delivery",
        "retention", "storage for the retained history");
    needs(Category.DATA_GOVERNANCE,
        "security", "who may see which data",
        "export", "control over data leaving the platform",
        "retention", "retention and deletion rules",
        "auditability", "audit trail and lineage",
        "data_quality", "data quality and shared definitions",
        "data_integration", "how their source systems are used",
        "prediction", "appropriate use of the data in models");
    needs(Category.COMPLIANCE,
        "security", "access control and protection of personal data",
        "export", "data leaving controlled systems",
        "retention", "retention obligations",
        "auditability", "evidence for audits",
        "prediction", "fair and explainable use of models");
    needs(Category.EXTERNAL,
        "export", "the data shared with them",
        "security", "protection of their data",
        "report", "the reports they receive",
        "tracking", "visibility of what concerns them",
        "latency", "timely status information");
    needs(Category.OTHER,
        "dashboard", "visibility of the results",
        "report", "status reporting");
  }

  private ConcernCatalog() {}

  private static void needs(Category category, String... topicNeeds) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < topicNeeds.length; i += 2) {
      map.put(topicNeeds[i], topicNeeds[i + 1]);
    }
    NEEDS.put(category, map);
  }

  /** The need of a category for a topic, or null when the topic does not concern it. */
  static String need(Category category, String topic) {
    return NEEDS.get(category).get(topic);
  }
}
