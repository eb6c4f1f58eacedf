package org.openforge.agent.build.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentResult;
import org.openforge.agent.build.Binding;
import org.openforge.agent.design.model.ModelGraph;
import org.openforge.agent.build.BuildInputs;
import org.openforge.agent.build.BuildJson;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.Names;
import org.openforge.agent.build.RequirementTargets;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.SourceInfo;
import org.openforge.agent.build.Tables;
import org.openforge.engagement.ArtifactService;
import org.openforge.ontology.generate.PostgresDdl;
import org.openforge.ontology.generate.PostgresDdlGenerator;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code pipeline_creation} agent: an executable pipeline spec from the ontology, the transformation
 * mapping and the task's transformations and schedule, which Open Forge runs itself in a bounded dry run on the real
 * source data — data-quality checks derived from the ontology pushed down as SQL (databases) or read from the
 * profile and first rows (CSV), the extract and transformations evaluated, every row checked against the load
 * target — and a generated Dagster project doing the same on a schedule. Deterministic apart from measured times.
 */
@Component
public class PipelineCreationAgent implements Agent {

  public static final String TASK_TYPE = "pipeline_creation";
  public static final String KIND = "pipeline_spec";
  public static final String DAGSTER_KIND = "dagster_project";

  private final ArtifactService artifacts;
  private final BuildJson json;
  private final PlatformPipelines platform;

  /** Without a platform: the spec, dry run and export only (the agent tests' setting). */
  public PipelineCreationAgent(ArtifactService artifacts, BuildJson json) {
    this(artifacts, json, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public PipelineCreationAgent(ArtifactService artifacts, BuildJson json, PlatformPipelines platform) {
    this.artifacts = artifacts;
    this.json = json;
    this.platform = platform;
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public AgentResult run(AgentContext context) {
    BuildInputs.Loaded loaded = BuildInputs.load(context, artifacts, json, "dry-run the pipeline and run its "
        + "data-quality checks");
    Binding binding = loaded.binding();
    Optional<RequirementTargets.TimeTarget> freshness = RequirementTargets.time(context, json, "max_data_age");
    ScheduleChoice.Choice choice = ScheduleChoice.choose(context.input().get("schedule"), freshness);
    PipelineSpec.Schedule schedule = choice.schedule();
    context.progress("schedule", schedule.cron() + ": " + schedule.description() + " (" + schedule.source() + ")");

    int maxEnum = binding.classes().stream().flatMap(c -> c.slots().stream())
        .mapToInt(s -> s.enumValues().size()).max().orElse(0);
    Tables tables = new Tables(loaded.sources());
    CheckRunner runner = new CheckRunner(loaded.sources(), tables).withTopValues(maxEnum + 1);
    List<TaskTransformation> requested = TaskTransformation.read(context.input().get("transformations"));
    Transformations.Applied applied = Transformations.apply(requested, binding.classes(), tables::of);
    Binding effective = new Binding(binding.schemaName(), binding.schemaId(), binding.view(),
        applied.classes().stream().map(ClassPlan::binding).toList(), binding.unmapped(), binding.origin(),
        binding.ontology(), binding.mapping(), binding.warnings());
    context.progress("transformations", requested.size() + " task transformations, " + applied.steps().size()
        + " transformation steps in all");

    List<CheckPlan> plans = CheckPlanner.plan(effective);
    context.progress("quality_checks", "running " + plans.size() + " data-quality checks on the source data");
    List<QualityCheck> checks = new ArrayList<>(runner.run(plans));
    context.progress("dry_run", "extracting and transforming up to " + DryRun.ROW_LIMIT + " rows per class");
    DryRun.Result dry = new DryRun(loaded.sources()).run(applied.classes(), applied.steps());
    checks.addAll(dry.transformationChecks());

    PostgresDdl ddl = PostgresDdlGenerator.generate(binding.view());
    String targetSchema = Names.snake(binding.schemaName() == null ? "ontology" : binding.schemaName());
    List<Pipeline> pipelines = pipelines(applied.classes(), loaded.sources().all(), schedule);
    String title = context.engagement().name();
    String packageName = Names.python(title == null ? "open_forge_pipeline" : title) + "_pipeline";
    Map<String, String> files = DagsterProject.generate(new DagsterProject.Input(packageName, title,
        binding.schemaName(), loaded.ontology().version(), targetSchema, applied.classes(), applied.steps(), checks,
        pipelines, choice.cron(), ddl.sql(), ddl.tableOfClass()));

    int passed = (int) checks.stream().filter(QualityCheck::passed).count();
    int failed = (int) checks.stream().filter(QualityCheck::failed).count();
    int skipped = checks.size() - passed - failed;
    int rowsRead = dry.classes().stream().mapToInt(ClassRun::rowsRead).sum();
    int rowsRejected = dry.classes().stream().mapToInt(ClassRun::rowsRejected).sum();
    PipelineSpec.Summary summary = new PipelineSpec.Summary(pipelines.size(), applied.classes().size(),
        checks.size(), passed, failed, skipped, rowsRead, rowsRejected);
    PipelineSpec spec = new PipelineSpec(PipelineSpec.SCHEMA_VERSION, "1", packageName, engagement(context),
        new PipelineSpec.Inputs(
        binding.ontology(), binding.mapping(), binding.origin(), ScheduleChoice.describe(freshness)), schedule,
        sources(loaded.sources().all(), binding), pipelines, extracts(applied), applied.steps(),
        transforms(applied.classes()), load(targetSchema, applied.classes(), ddl), checks,
        new PipelineSpec.DryRunReport(DryRun.ROW_LIMIT, CsvChecks.SAMPLE_ROWS, dry.classes()), summary,
        binding.unmapped(), binding.warnings());

    Map<String, Object> metadata = new LinkedHashMap<>();
    Optional<PlatformPipelines.Deployed> deployed = deployOnPlatform(context, schedule.cron(),
        freshness.map(RequirementTargets.TimeTarget::limit).orElse(null), metadata);
    deployed.ifPresent(d -> {
      metadata.put("platform_pipeline", d.processKey());
      metadata.put("platform_pipeline_version", d.version());
      metadata.put("platform_run_id", d.runId());
      metadata.put("platform_model_count", d.modelCount());
      metadata.put("platform_test_count", d.testCount());
    });
    metadata.put("pipeline_count", pipelines.size());
    metadata.put("class_count", applied.classes().size());
    metadata.put("quality_checks_run", passed + failed > 0);
    metadata.put("quality_checks_passed", passed);
    metadata.put("quality_checks_failed", failed);
    metadata.put("quality_checks_skipped", skipped);
    metadata.put("schedule", schedule.cron());
    metadata.put("dry_run_rows", rowsRead);
    metadata.put("dry_run_rows_rejected", rowsRejected);
    String line = pipelines.size() + " pipeline(s) for " + applied.classes().size() + " classes on " + schedule.cron()
        + "; dry run on " + rowsRead + " rows (" + rowsRejected + " rejected); quality checks " + passed
        + " passed, " + failed + " failed, " + skipped + " skipped";
    Optional<ModelGraph> offered = modelGraph(context);
    if (deployed.isPresent() && offered.isPresent()) {
      // the export mirrors what the platform runs: its assets are the deployed plan's tables and models
      files = platform.dagsterExport(context.engagement(), offered.get(), packageName, schedule.cron(),
          schedule.description());
    }
    Map<String, Object> projectMetadata = new LinkedHashMap<>();
    projectMetadata.put("generated_from", deployed.isPresent() ? "platform pipeline plan" : "ontology mapping");
    projectMetadata.put("file_count", files.size());
    projectMetadata.put("asset_count", deployed.isPresent()
        ? (long) deployed.get().tables().size() + deployed.get().modelCount()
        : applied.classes().stream().filter(c -> c.table() != null).count());
    projectMetadata.put("job_count", pipelines.size());
    projectMetadata.put("package", packageName);
    DagsterProjectDocument project = new DagsterProjectDocument(DagsterProjectDocument.SCHEMA_VERSION, files);
    List<ArtifactService.Draft> drafts = List.of(
        new ArtifactService.Draft("pipeline-spec.json", KIND, "application/json", json.write(spec), line,
            metadata),
        new ArtifactService.Draft("dagster-project.json", DAGSTER_KIND, "application/json", json.write(project),
            "Dagster project " + packageName + ": " + files.size() + " files", projectMetadata));
    context.progress("done", line);
    Map<String, Object> outputs = new LinkedHashMap<>();
    deployed.ifPresent(d -> outputs.put("platform_pipeline", json.toMap(d)));
    outputs.put("summary", json.toMap(summary));
    outputs.put("schedule", schedule.cron());
    outputs.put("failed_checks", checks.stream().filter(QualityCheck::failed).map(c -> c.id() + ": " + c.message())
        .toList());
    double confidence = (binding.mapping() != null ? 0.9 : 0.8) - 0.2 * (checks.isEmpty() ? 1
        : (double) skipped / checks.size());
    return new AgentResult(outputs, drafts, Math.round(Math.max(0.1, confidence) * 100) / 100.0, line);
  }

  /**
   * Deploys the pipeline the platform runs itself from the design's model graph (the newest transformation
   * mapping's), and starts its first run on the full data; nothing when the design offers no models.
   */
  private Optional<PlatformPipelines.Deployed> deployOnPlatform(AgentContext context, String cron,
      java.time.Duration maxDataAge, Map<String, Object> metadata) {
    if (platform == null || modelGraph(context).isEmpty()) {
      return Optional.empty();
    }
    ModelGraph graph = modelGraph(context).get();
    if (graph.models().isEmpty()) {
      context.progress("platform_pipeline", "the design offers no models: no pipeline deployed on the platform");
      return Optional.empty();
    }
    // the Build gate asks for a passing run of the platform's pipeline once the design offers models
    metadata.put("platform_models_offered", graph.models().size());
    PlatformPipelines.Deployed d;
    try {
      d = platform.deploy(context.engagement(), graph, cron, maxDataAge);
    } catch (RuntimeException e) {
      // the spec and export stand on their own; the Build gate stays unmet without a platform pipeline run
      context.progress("platform_pipeline", "the pipeline could not be deployed on the platform: " + e.getMessage());
      return Optional.empty();
    }
    context.progress("platform_pipeline", d.processKey() + " version " + d.version() + " deployed: "
        + d.tables().size() + " tables, " + d.modelCount() + " models, " + d.testCount() + " tests; "
        + (d.runId() == null ? "a run is already in progress" : "run " + d.runId() + " started"));
    return Optional.of(d);
  }

  /** The model graph of the newest transformation mapping, when it has one. */
  private Optional<ModelGraph> modelGraph(AgentContext context) {
    Optional<org.openforge.engagement.Artifact> mapping = context.latest("transformation_mapping");
    if (mapping.isEmpty() || mapping.get().content() == null) {
      return Optional.empty();
    }
    com.fasterxml.jackson.databind.JsonNode node = json.read(mapping.get().content()).get("model_graph");
    return node == null || node.isNull() ? Optional.empty()
        : Optional.of(json.read(node.toString(), ModelGraph.class));
  }

  private static Map<String, Object> engagement(AgentContext context) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", context.engagement().id());
    m.put("name", context.engagement().name());
    return m;
  }

  private static List<Pipeline> pipelines(List<ClassPlan> classes, List<SourceInfo> sources,
      PipelineSpec.Schedule schedule) {
    List<Pipeline> out = new ArrayList<>();
    for (SourceInfo s : sources) {
      List<String> members = classes.stream().filter(c -> c.binding().sourceId().equals(s.id()))
          .map(ClassPlan::className).toList();
      if (!members.isEmpty()) {
        out.add(new Pipeline("ingest_" + Names.snake(s.name()), s.id(), s.name(), s.sourceType(), members,
            schedule.cron(), schedule.description()));
      }
    }
    return out;
  }

  private static List<Map<String, Object>> sources(List<SourceInfo> sources, Binding binding) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SourceInfo s : sources) {
      if (!binding.sourceIds().contains(s.id())) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("name", s.name());
      m.put("type", s.sourceType());
      m.put("classes", binding.classes().stream().filter(c -> c.sourceId().equals(s.id()))
          .map(ClassBinding::className).toList());
      out.add(m);
    }
    return out;
  }

  private static List<PipelineSpec.Extract> extracts(Transformations.Applied applied) {
    List<PipelineSpec.Extract> out = new ArrayList<>();
    for (ClassPlan c : applied.classes()) {
      List<ExtractField> fields = ExtractQuery.fields(c, applied.steps());
      boolean jdbc = c.table() != null && c.table().source().jdbc();
      out.add(new PipelineSpec.Extract("extract_" + Names.snake(c.className()), c.className(),
          c.binding().sourceId(), c.table() == null ? c.binding().table() : c.table().sampleName(),
          c.table() == null ? "missing" : jdbc ? "sql" : "csv_file",
          jdbc ? ExtractQuery.select(c.table(), fields, null) : null, fields));
    }
    return out;
  }

  private static List<PipelineSpec.ClassTransform> transforms(List<ClassPlan> classes) {
    List<PipelineSpec.ClassTransform> out = new ArrayList<>();
    for (ClassPlan c : classes) {
      List<PipelineSpec.ClassTransform.Field> fields = new ArrayList<>();
      for (SlotBinding s : c.binding().slots()) {
        fields.add(new PipelineSpec.ClassTransform.Field(s.slot(), s.mapped() ? s.kind() : "unmapped", s.column(),
            s.expression(), s.range(), s.baseType(), s.required(), s.origin()));
      }
      for (ClassPlan.ExtraField x : c.extras()) {
        fields.add(new PipelineSpec.ClassTransform.Field(x.name(), x.column() != null ? "mapping" : "aggregation",
            x.column(), x.expression(), null, null, false, "task_transformation " + x.transformation()));
      }
      out.add(new PipelineSpec.ClassTransform(c.className(), fields));
    }
    return out;
  }

  private static PipelineSpec.Load load(String schema, List<ClassPlan> classes, PostgresDdl ddl) {
    List<Map<String, Object>> tables = new ArrayList<>();
    for (ClassPlan c : classes) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("class", c.className());
      t.put("table", schema + "." + ddl.tableOfClass().getOrDefault(c.className(), Names.snake(c.className())));
      t.put("key", c.binding().identifierSlot().map(SlotBinding::targetColumn).orElse(null));
      Map<String, String> columns = new LinkedHashMap<>();
      c.binding().slots().stream().filter(SlotBinding::mapped).filter(s -> !s.multivalued())
          .forEach(s -> columns.put(s.slot(), s.targetColumn()));
      t.put("columns", columns);
      tables.add(t);
    }
    return new PipelineSpec.Load("postgresql", schema, "upsert", tables, ddl.sql());
  }
}
