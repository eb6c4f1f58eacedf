package org.openforge.agent.discovery.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentApprovals;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentResult;
import org.openforge.agent.tool.ToolOutcome;
import org.openforge.approval.Approval;
import org.openforge.process.ApprovalType;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.engagement.ArtifactService;
import org.springframework.stereotype.Component;

/**
 * {@code source_discovery}: catalogs every data source attached to the engagement — tables and files, columns with
 * native and normalized types, keys, row counts, a per-column profile and a per-table data-quality assessment — all
 * through the data tools (profiling is pushed down to the databases). Asks for a {@code data_access} approval first
 * when the engagement's settings want one. Unreachable sources are reported, not fatal, unless none can be read.
 */
@Component
public class SourceDiscoveryAgent implements Agent {

  public static final String KIND = "source_catalog";
  private final ObjectMapper mapper;

  public SourceDiscoveryAgent(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String taskType() {
    return "source_discovery";
  }

  @Override
  @SuppressWarnings("unchecked")
  public AgentResult run(AgentContext context) throws JsonProcessingException {
    List<Map<String, Object>> sources = (List<Map<String, Object>>) context.tools()
        .require("list_data_sources", Map.of());
    if (sources.isEmpty()) {
      throw new AgentDeclinedException("no data source is attached to the engagement; attach one "
          + "(POST /api/v1/engagements/{id}/data-sources) and run source discovery again");
    }
    askForAccess(context, sources);
    List<SourceCatalog> catalogs = new ArrayList<>();
    List<Map<String, Object>> unreachable = new ArrayList<>();
    for (Map<String, Object> source : sources) {
      String id = String.valueOf(source.get("id"));
      context.progress("profile", "profiling " + source.get("name") + " (" + source.get("source_type") + ")");
      ToolOutcome outcome = context.tools().call(null, "profile_source", Map.of("source_id", id));
      if (outcome.ok()) {
        catalogs.add((SourceCatalog) outcome.result());
      } else {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("source_id", id);
        failure.put("name", source.get("name"));
        failure.put("error", outcome.message());
        unreachable.add(failure);
      }
    }
    if (catalogs.isEmpty()) {
      throw new AgentDeclinedException("none of the attached data sources could be read: "
          + unreachable.stream().map(u -> u.get("name") + ": " + u.get("error")).toList());
    }
    CatalogSummary summary = CatalogSummary.of(catalogs, unreachable);
    SourceCatalogDocument document = new SourceCatalogDocument(SourceCatalogDocument.SCHEMA_VERSION, catalogs,
        unreachable, summary);
    String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("source_count", catalogs.size());
    metadata.put("catalogued_source_ids", catalogs.stream().map(SourceCatalog::sourceId).toList());
    metadata.put("unreachable_count", unreachable.size());
    metadata.put("table_count", summary.tableCount());
    metadata.put("column_count", summary.columnCount());
    metadata.put("issue_count", summary.issueCount());
    metadata.put("error_count", summary.errorCount());
    String headline = catalogs.size() + " source(s), " + summary.tableCount() + " table(s), "
        + summary.columnCount() + " column(s), " + summary.issueCount() + " data-quality issue(s)";
    List<ArtifactService.Draft> artifacts = List.of(
        new ArtifactService.Draft("source-catalog.json", KIND, "application/json", json, headline, metadata),
        new ArtifactService.Draft("source-catalog.md", KIND + "_report", "text/markdown",
            CatalogReport.markdown(catalogs, unreachable, summary), headline, Map.of()));
    double confidence = (double) catalogs.size() / sources.size();
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("summary", summary);
    outputs.put("unreachable", unreachable);
    return new AgentResult(outputs, artifacts, Math.round(confidence * 100) / 100.0, "Catalogued " + headline);
  }

  private static void askForAccess(AgentContext context, List<Map<String, Object>> sources) {
    List<Approval.ReviewItem> items = sources.stream().map(s -> new Approval.ReviewItem(
        String.valueOf(s.get("name")), s.get("source_type") + " source " + s.get("id")
            + "; source discovery reads its structure and profiles every column (aggregates only, read-only)"))
        .toList();
    String subject = sources.stream().map(s -> String.valueOf(s.get("id"))).sorted().toList().toString();
    AgentApprovals.Decision decision = context.approvals().require(ApprovalType.DATA_ACCESS, subject,
        "Read " + sources.size() + " data source(s) for source discovery",
        "Source discovery wants to read the engagement's data sources: their structure, row counts and per-column "
            + "profiles (aggregate queries on read-only connections).",
        items, Map.of("source_ids", sources.stream().map(s -> s.get("id")).toList()));
    if (!decision.approved()) {
      throw new AgentDeclinedException("data access was refused"
          + (decision.comment() == null ? "" : ": " + decision.comment()));
    }
  }
}
