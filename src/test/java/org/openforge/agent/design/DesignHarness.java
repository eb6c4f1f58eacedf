package org.openforge.agent.design;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentApprovals;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentResult;
import org.openforge.agent.AgentTask;
import org.openforge.agent.AgentTaskStatus;
import org.openforge.agent.RunApprovals;
import org.openforge.agent.tool.AgentTool;
import org.openforge.agent.tool.SimpleTool;
import org.openforge.agent.tool.ToolApprovals;
import org.openforge.agent.tool.ToolCall;
import org.openforge.agent.tool.ToolExecutor;
import org.openforge.agent.tool.ToolRegistry;
import org.openforge.approval.Approval;
import org.openforge.process.ApprovalType;
import org.openforge.datasource.CsvConfig;
import org.openforge.datasource.CsvRoots;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.SourceType;
import org.openforge.datasource.catalog.Catalogs;
import org.openforge.datasource.catalog.ProfileOptions;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.SourceQueries;
import org.openforge.engagement.AgentConfig;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.Priority;
import org.openforge.process.Phase;
import org.openforge.system.OpenForgeProperties;

/**
 * Runs the design agents outside Spring on real sources: the five data tools behave as the beans of
 * {@code DataSourceTools} (same libraries, same limits) over the attached source records, calls go through a real
 * {@link ToolExecutor}, artifacts are kept in memory as versions, and approvals are answered by a scripted reviewer
 * that records what it was asked (data access only when {@link #reviewDataAccess} asks for it, as the default
 * approval settings do not).
 */
final class DesignHarness implements DesignArtifacts {

  /** What the scripted reviewer was asked. */
  record Asked(ApprovalType type, String subject, String title, List<Approval.ReviewItem> items,
      Map<String, Object> context) {}

  private final List<DataSourceRecord> attached = new ArrayList<>();
  private final List<Artifact> artifacts = new ArrayList<>();
  private final List<Asked> asked = new ArrayList<>();
  private final Catalogs catalogs;
  private final SourceQueries queries;
  private final Engagement engagement;
  private Artifact approved;
  private AgentApprovals.Decision decision = new AgentApprovals.Decision(true, "fine");
  private boolean dataAccessReviewed;
  private final DesignJson json = new DesignJson(org.openforge.support.TestJson.mapper());
  private OffsetDateTime clock = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  DesignHarness(String name, String objective, String description, Path... csvRoots) {
    OpenForgeProperties properties = new OpenForgeProperties(true, Path.of("target/test-data"), Path.of("samples"),
        new OpenForgeProperties.Admin(null, null, null), new OpenForgeProperties.Demo(false));
    String extra = String.join(",", java.util.Arrays.stream(csvRoots).map(p -> p.toAbsolutePath().toString())
        .toList());
    CsvRoots roots = new CsvRoots(properties, extra);
    this.catalogs = new Catalogs(roots, Clock.systemUTC());
    this.queries = new SourceQueries(roots);
    this.engagement = new Engagement("eng-design", name, objective, description, Priority.HIGH, AgentConfig.DEFAULTS,
        false, null, "tester", null, null);
  }

  DesignHarness attach(DataSourceRecord source) {
    attached.add(source);
    return this;
  }

  static DataSourceRecord csv(String id, Path folder) {
    return new DataSourceRecord(id, "csv " + folder.getFileName(), SourceType.CSV, null,
        new CsvConfig(folder.toAbsolutePath().normalize(), ',', true, java.nio.charset.StandardCharsets.UTF_8,
            List.of()), null, OffsetDateTime.now(), OffsetDateTime.now());
  }

  /** The profile of an attached source, as profile_source gives it. */
  SourceCatalog profile(String sourceId) {
    return catalogs.profile(attached.stream().filter(s -> s.id().equals(sourceId)).findFirst().orElseThrow(),
        ProfileOptions.defaults());
  }

  /** An artifact produced before (e.g. a requirements document); returns it. */
  Artifact add(String name, String kind, String mediaType, String content) {
    return record(new ArtifactService.Draft(name, kind, mediaType, content, name, Map.of()), "discovery");
  }

  /** Runs an agent as a task of the design phase and records its artifacts as new versions. */
  AgentResult run(Agent agent, Map<String, Object> input) throws Exception {
    AgentResult result = agent.run(context(agent.taskType(), input));
    result.artifacts().forEach(d -> record(d, "design"));
    return result;
  }

  AgentContext context(String taskType, Map<String, Object> input) {
    AgentTask task = new AgentTask("task-" + UUID.randomUUID(), engagement.id(), taskType, "test " + taskType, input,
        AgentTaskStatus.RUNNING, "design", AgentTask.ORIGIN_API, null, null, 0, null, null, null, null, null, null,
        null, null, 0, 0, 0, "tester", null, null, null);
    ToolExecutor tools = new ToolExecutor(task, engagement, new ToolRegistry(tools()), new ToolApprovals(null), null, null);
    RunApprovals approvals = new RunApprovals(null, task, engagement) {
      @Override
      public AgentApprovals.Decision require(ApprovalType type, String subject, String title, String description,
          List<Approval.ReviewItem> items, Map<String, Object> context) {
        if (type == ApprovalType.DATA_ACCESS && !dataAccessReviewed) {
          return new AgentApprovals.Decision(true, "approval_settings do not ask for data_access approvals");
        }
        asked.add(new Asked(type, subject, title, items, context));
        return decision;
      }
    };
    List<Artifact> headers = List.copyOf(artifacts);
    return new AgentContext(engagement, task, Phase.DESIGN, headers, null, this::latest, null, tools, null,
        approvals);
  }

  Optional<Artifact> latest(String kind) {
    Artifact found = null;
    for (Artifact a : artifacts) {
      if (a.kind().equals(kind)) {
        found = a;
      }
    }
    return Optional.ofNullable(found);
  }

  List<Artifact> versions(String kind) {
    return artifacts.stream().filter(a -> a.kind().equals(kind)).toList();
  }

  /** Marks the newest artifact of a kind as approved (as a design sign-off would). */
  void approveLatest(String kind) {
    approved = latest(kind).orElseThrow();
  }

  /** Whether data access goes to the reviewer (approval_settings.data_access); off by default, as in the product. */
  void reviewDataAccess(boolean wanted) {
    dataAccessReviewed = wanted;
  }

  void reviewer(boolean approve, String comment) {
    decision = new AgentApprovals.Decision(approve, comment);
  }

  List<Asked> asked() {
    return asked;
  }

  @Override
  public Optional<Artifact> byId(String engagementId, String artifactId) {
    return artifacts.stream().filter(a -> a.id().equals(artifactId)).findFirst();
  }

  @Override
  public Optional<Artifact> approvedOntology(String engagementId) {
    return Optional.ofNullable(approved);
  }

  private Artifact record(ArtifactService.Draft draft, String phase) {
    int version = (int) artifacts.stream().filter(a -> a.name().equals(draft.name())).count() + 1;
    clock = clock.plusSeconds(1);
    Artifact a = new Artifact(UUID.randomUUID().toString(), engagement.id(), draft.name(), draft.kind(), phase,
        version, draft.mediaType(), draft.content(), draft.summary(), draft.metadata(), "task", clock);
    artifacts.add(a);
    return a;
  }

  private List<AgentTool> tools() {
    JsonObjectSchema any = JsonObjectSchema.builder().build();
    return List.of(
        new SimpleTool("list_data_sources", "attached sources", any, true, call -> attached.stream().map(s -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", s.id());
          row.put("name", s.name());
          row.put("source_type", s.sourceType().value());
          row.put("description", s.description());
          row.put("connected", true);
          return row;
        }).toList()),
        new SimpleTool("describe_source", "structure", any, true,
            call -> catalogs.describe(source(call), options(call))),
        new SimpleTool("profile_source", "profile", any, true, call -> catalogs.profile(source(call),
            options(call).withTopValues(call.integer("top_values", ProfileOptions.defaults().topValues())))),
        new SimpleTool("sample_rows", "sample", any, true, call -> queries.sample(source(call),
            call.requireString("table"), Math.min(200, call.integer("max_rows", 20)))),
        new SimpleTool("execute_sql", "sql", any, true, call -> {
          Object params = call.arguments().get("params");
          return queries.query(source(call), call.requireString("sql"), params instanceof List<?> l ? l : List.of(),
              Math.min(1000, call.integer("max_rows", 100)));
        }));
  }

  private DataSourceRecord source(ToolCall call) {
    String id = call.requireString("source_id");
    return attached.stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("data source " + id + " is not attached"));
  }

  private static ProfileOptions options(ToolCall call) {
    Object tables = call.arguments().get("tables");
    ProfileOptions options = ProfileOptions.defaults();
    if (tables instanceof List<?> list && !list.isEmpty()) {
      options = options.withTables(list.stream().map(String::valueOf).toList());
    }
    return options;
  }

  @Override
  public DesignJson json() {
    return json;
  }
}
