package org.openforge.agent.deploy;

import org.openforge.datasource.StoredCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentResult;
import org.openforge.agent.build.BuildInputs;
import org.openforge.agent.build.BuildJson;
import org.openforge.agent.build.pipeline.PipelineSpec;
import org.openforge.agent.build.Names;
import org.openforge.agent.build.RequirementTargets;
import org.openforge.agent.build.SourceInfo;
import org.openforge.agent.build.SourceSet;
import org.openforge.agent.build.TableRef;
import org.openforge.agent.build.served.DataApiHttp;
import org.openforge.agent.build.served.ServedProducts;
import org.openforge.process.ApprovalType;
import org.openforge.datasource.catalog.TableInfo;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.ProductSlug;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code deployment_config} agent: Kubernetes manifests and a Docker Compose file for the data API, the
 * dashboard and the pipeline's scheduled jobs, as the task's environment, resources and scaling ask — written, read
 * back and validated; a security review of the sources' credentials and access (asked of the databases) and of the
 * deployment; and a bounded load test of the data API's queries against the sources, with throughput and latency
 * percentiles compared to the target.
 */
@Component
public class DeploymentConfigAgent implements Agent {

  public static final String TASK_TYPE = "deployment_config";
  public static final String KIND = "deployment_config";
  public static final String SECURITY_KIND = "security_review";
  public static final String LOAD_KIND = "load_test_report";
  public static final String VALIDATION_KIND = "deployment_validation";
  static final double DEFAULT_P95_MS = 500;

  private final StoredCredentials credentials;
  private final BuildJson json;
  private final ServedProducts served;

  public DeploymentConfigAgent(StoredCredentials credentials, BuildJson json, ServedProducts served) {
    this.credentials = credentials;
    this.json = json;
    this.served = served;
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public AgentResult run(AgentContext context) throws InterruptedException {
    String title = context.engagement().name() == null ? "open-forge" : context.engagement().name();
    String slug = Names.kubernetes(title);
    DeploymentInput input = DeploymentInput.read(context.input(), slug);
    SourceSet sources = SourceSet.attached(context.tools());
    if (sources.isEmpty()) {
      throw new AgentDeclinedException("no data source is attached: there is nothing to deploy against");
    }
    BuildInputs.requireDataAccess(context, sources.all(), "review the sources' access and load-test the data API");
    Optional<Artifact> dataApi = context.latest("data_api");
    Optional<Artifact> pipelineSpec = context.latest("pipeline_spec");
    JsonNode api = dataApi.map(a -> json.read(a.content())).orElse(null);
    PipelineSpec pipeline = pipelineSpec.map(a -> json.read(a.content(), PipelineSpec.class)).orElse(null);

    DeploymentPlan plan = plan(context, slug, title, input, sources, api, pipeline, dataApi, pipelineSpec);
    List<Map<String, Object>> manifests = KubernetesManifests.generate(plan);
    Map<String, Object> compose = ComposeFile.generate(plan);
    String kubernetesYaml = Yaml.writeAll(manifests);
    String composeYaml = Yaml.write(compose);
    List<Map<String, Object>> reread = Yaml.readAll(kubernetesYaml);
    Map<String, Object> composeReread = Yaml.readAll(composeYaml).get(0);
    List<ManifestIssue> issues = new ArrayList<>(ManifestValidator.kubernetes(reread, input.production()));
    issues.addAll(ManifestValidator.compose(composeReread));
    long errors = issues.stream().filter(ManifestIssue::isError).count();
    long warnings = issues.size() - errors;
    context.progress("manifests", reread.size() + " Kubernetes objects and " + ManifestValidator.map(composeReread,
        "services").size() + " Compose services; validation: " + errors + " errors, " + warnings + " warnings");

    Map<String, List<TableRef>> tables = new LinkedHashMap<>();
    for (SourceInfo s : sources.all()) {
      if (s.jdbc()) {
        List<TableRef> refs = new ArrayList<>();
        for (TableInfo t : sources.describe(s.id()).tables().stream().limit(50).toList()) {
          refs.add(new TableRef(s, t));
        }
        tables.put(s.id(), refs);
      }
    }
    boolean approvals = context.engagement().agentConfig().withDefaults().approvalSettings()
        .humanReview(ApprovalType.DEPLOYMENT);
    List<SecurityCheck> running = RunningProduct.probe(served.baseUrl().orElse(null),
        org.openforge.engagement.ProductSlug.of(context.engagement()));
    SecurityReview.Result review = SecurityReview.review(sources, credentials, tables, reread, composeReread, api,
        input, approvals, running);
    context.progress("security_review", review.checks().size() + " checks: " + review.count("high") + " high, "
        + review.count("medium") + " medium, " + review.count("low") + " low findings");

    LoadTest.Target target = target(context, input);
    Optional<ServedProducts.Built> built = served.built(context.engagement());
    List<LoadTest.Request> requests = built.map(LoadTest::requests).orElse(List.of());
    context.progress("load_test", requests.size() + " requests in the mix, " + input.load().concurrency()
        + " workers for up to " + input.load().durationSeconds() + " s; target p95 ≤ " + target.p95Ms() + " ms");
    LoadTestReport load = load(context, built, requests, input, target);

    String header = "# " + title + " — " + input.environment() + " (" + input.deploymentType() + ")\n"
        + "# Generated by Open Forge. Validation: " + (errors == 0 ? "valid" : "INVALID") + ", " + errors
        + " errors, " + warnings + " warnings" + (issues.isEmpty() ? "" : ":") + "\n"
        + String.join("", issues.stream().map(i -> "#   " + i.severity() + " " + i.code() + " " + i.object() + " "
            + i.path() + ": " + i.message().replace('\n', ' ') + "\n").toList())
        + "# Credentials come from Secret " + plan.secret() + " (keys: " + String.join(", ", plan.secretKeys())
        + "), created outside these files.\n";
    Map<String, Object> configMeta = new LinkedHashMap<>();
    configMeta.put("valid", errors == 0);
    configMeta.put("error_count", (int) errors);
    configMeta.put("warning_count", (int) warnings);
    configMeta.put("environment", input.environment());
    configMeta.put("deployment_type", input.deploymentType());
    configMeta.put("object_count", reread.size());
    configMeta.put("replicas", input.replicas());
    configMeta.put("min_replicas", input.minReplicas());
    configMeta.put("max_replicas", input.maxReplicas());
    Map<String, Object> secondaryMeta = new LinkedHashMap<>(configMeta);
    String configLine = (input.kubernetes() || input.platform() ? reread.size() + " Kubernetes objects" : "Docker Compose with "
        + ManifestValidator.map(composeReread, "services").size() + " services") + " for " + input.environment()
        + ": " + (errors == 0 ? "valid" : "invalid") + " (" + errors + " errors, " + warnings + " warnings)";
    List<ArtifactService.Draft> drafts = new ArrayList<>();
    if (input.platform()) {
      Map<String, Object> platformPlan = PlatformPlan.of(context.engagement(), ProductSlug.of(context.engagement()),
          built.orElse(null), pipeline, input, List.of("kubernetes-manifests.yaml", "docker-compose.yaml"));
      Map<String, Object> planMeta = new LinkedHashMap<>(configMeta);
      planMeta.put("product_version", platformPlan.get("version"));
      String planLine = "platform deployment of " + platformPlan.get("product") + (built.isPresent()
          ? " at target version " + built.get().version() : " (nothing published yet)") + "; Kubernetes and Compose "
          + "files as exports: " + (errors == 0 ? "valid" : "invalid");
      drafts.add(new ArtifactService.Draft("deployment-plan.json", KIND, "application/json",
          json.write(platformPlan), planLine, planMeta));
      drafts.add(new ArtifactService.Draft("kubernetes-manifests.yaml", "kubernetes_manifests", "application/yaml",
          header + kubernetesYaml, "Kubernetes export of the deployment", secondaryMeta));
      drafts.add(new ArtifactService.Draft("docker-compose.yaml", "docker_compose", "application/yaml",
          header + composeYaml, "Docker Compose export of the deployment", secondaryMeta));
      configLine = planLine;
    } else if (input.kubernetes()) {
      drafts.add(new ArtifactService.Draft("kubernetes-manifests.yaml", KIND, "application/yaml",
          header + kubernetesYaml, configLine, configMeta));
      drafts.add(new ArtifactService.Draft("docker-compose.yaml", "docker_compose", "application/yaml",
          header + composeYaml, "Docker Compose form of the deployment", secondaryMeta));
    } else {
      drafts.add(new ArtifactService.Draft("docker-compose.yaml", KIND, "application/yaml", header + composeYaml,
          configLine, configMeta));
      drafts.add(new ArtifactService.Draft("kubernetes-manifests.yaml", "kubernetes_manifests", "application/yaml",
          header + kubernetesYaml, "Kubernetes form of the deployment", secondaryMeta));
    }
    drafts.add(new ArtifactService.Draft("Dockerfile", "dockerfile", "text/plain", DockerfileExport.generate(plan),
        "Dockerfile: the Open Forge platform serving this product", Map.of("image", plan.image("platform"))));
    drafts.add(new ArtifactService.Draft("deployment-validation.json", VALIDATION_KIND, "application/json",
        json.write(new DeploymentValidation(DeploymentValidation.SCHEMA_VERSION, errors == 0, errors, warnings,
            issues)), configLine, Map.of("valid", errors == 0)));
    SecurityReviewDocument reviewDoc = new SecurityReviewDocument(SecurityReviewDocument.SCHEMA_VERSION,
        input.environment(), review.summary(), review.checks());
    Map<String, Object> reviewMeta = new LinkedHashMap<>();
    reviewMeta.put("high_findings", (int) review.count("high"));
    reviewMeta.put("medium_findings", (int) review.count("medium"));
    reviewMeta.put("low_findings", (int) review.count("low"));
    reviewMeta.put("checks", review.checks().size());
    String reviewLine = review.checks().size() + " security checks: " + review.count("high") + " high, "
        + review.count("medium") + " medium, " + review.count("low") + " low findings";
    drafts.add(new ArtifactService.Draft("security-review.json", SECURITY_KIND, "application/json",
        json.write(reviewDoc), reviewLine, reviewMeta));
    Map<String, Object> loadMeta = new LinkedHashMap<>();
    loadMeta.put("passed", load.passed());
    loadMeta.put("p95_ms", load.latencyMs() == null ? null : load.latencyMs().p95());
    loadMeta.put("requests", load.requests() == null ? 0 : load.requests());
    loadMeta.put("errors", load.errors() == null ? 0 : load.errors());
    loadMeta.put("throughput_rps", load.throughputRps());
    loadMeta.put("target_p95_ms", target.p95Ms());
    loadMeta.put("concurrency", input.load().concurrency());
    drafts.add(new ArtifactService.Draft("load-test-report.json", LOAD_KIND, "application/json",
        json.write(load), load.verdict(), loadMeta));

    String line = configLine + "; " + reviewLine + "; load test " + load.verdict();
    context.progress("done", line);
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("valid", errors == 0);
    outputs.put("issues", issues.stream().map(i -> i.severity() + " " + i.code() + ": " + i.message()).toList());
    outputs.put("security", review.summary());
    outputs.put("load_test", BuildJson.map("passed", load.passed(), "verdict", load.verdict()));
    return new AgentResult(outputs, drafts, api == null ? 0.6 : 0.85, line);
  }

  private static DeploymentPlan plan(AgentContext context, String slug, String title, DeploymentInput input,
      SourceSet sources, JsonNode api, PipelineSpec pipeline, Optional<Artifact> dataApi,
      Optional<Artifact> pipelineSpec) {
    List<String> secretKeys = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    Map<String, String> config = new LinkedHashMap<>();
    config.put("ENVIRONMENT", input.environment());
    config.put("DATA_API_BASE_PATH", "/data-api/v1");
    config.put("DATA_API_PAGE_LIMIT", "500");
    config.put("LOG_LEVEL", input.production() ? "info" : "debug");
    JsonNode ontology = api != null ? api.path("info").path("x-ontology") : null;
    if (ontology != null && ontology.hasNonNull("name")) {
      config.put("ONTOLOGY", ontology.get("name").asText() + (ontology.hasNonNull("version") ? " v"
          + ontology.get("version").asText() : ""));
    }
    for (SourceInfo s : sources.all()) {
      String env = "OPENFORGE_SOURCE_" + Names.snake(s.name()).toUpperCase();
      if (s.jdbc()) {
        secretKeys.add(env + "_URL");
        int port = s.sourceType().equals("postgresql") ? 5432 : 3306;
        if (!ports.contains(port)) {
          ports.add(port);
        }
      } else {
        config.put(env + "_PATH", "/data/" + Names.snake(s.name()));
      }
    }
    secretKeys.add("DATA_API_KEYS");
    String cron = "0 * * * *";
    String module = null;
    List<String> jobs = new ArrayList<>();
    if (pipeline != null) {
      if (pipeline.schedule() != null && pipeline.schedule().cron() != null) {
        cron = pipeline.schedule().cron();
      }
      module = text(pipeline.name()) + ".definitions";
      if (pipeline.pipelines() != null) {
        pipeline.pipelines().forEach(p -> jobs.add(text(p.name())));
      }
      secretKeys.add("OPENFORGE_TARGET_URL");
      config.put("TARGET_SCHEMA", text(pipeline.load() == null ? null : pipeline.load().schema()));
    }
    String fingerprint = context.engagement().id() + "|" + dataApi.map(a -> a.id() + ":" + a.version()).orElse("-")
        + "|" + pipelineSpec.map(a -> a.id() + ":" + a.version()).orElse("-");
    String tag = "0.1." + dataApi.map(Artifact::version).orElse(0) + "-" + sha(fingerprint).substring(0, 10);
    return new DeploymentPlan(slug, title, input, tag, cron, module, jobs, secretKeys, ports, config);
  }

  /** The load test over HTTP with a product key issued for this run; not run when nothing is served. */
  private LoadTestReport load(AgentContext context, Optional<ServedProducts.Built> built,
      List<LoadTest.Request> requests, DeploymentInput input, LoadTest.Target target) throws InterruptedException {
    Optional<String> base = served.baseUrl();
    if (base.isEmpty() || built.isEmpty()) {
      return LoadTest.notRun(input.load(), target, base.isEmpty() ? "not run: the platform is not serving HTTP"
          : "not run: no version of the product is published in the target (the Build's pipeline run publishes it)");
    }
    try (ServedProducts.Access access = served.access(context.engagement(), "deployment_config "
        + context.task().id())) {
      DataApiHttp http = new DataApiHttp(base.get(), built.get().product(), access.secret(), json.mapper());
      return LoadTest.run(http, requests, input.load(), target);
    }
  }

  private LoadTest.Target target(AgentContext context, DeploymentInput input) {
    if (input.load().targetP95Ms() != null) {
      return new LoadTest.Target(input.load().targetP95Ms(), "input_data.load_test.target_p95_ms");
    }
    Optional<RequirementTargets.TimeTarget> nfr = RequirementTargets.time(context, json, "response_time_p95");
    if (nfr.isPresent()) {
      return new LoadTest.Target(nfr.get().limit().toMillis(), "requirements" + (nfr.get().requirementId() == null
          ? "" : " " + nfr.get().requirementId()) + " (response time p95 " + nfr.get().display() + ")");
    }
    return new LoadTest.Target(DEFAULT_P95_MS, "default (no response-time requirement)");
  }

  private static String sha(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
