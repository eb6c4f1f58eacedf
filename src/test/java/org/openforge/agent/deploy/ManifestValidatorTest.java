package org.openforge.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openforge.agent.build.BuildJson;

/** The validation passes the generated manifests and catches each planted mistake by its code. */
class ManifestValidatorTest {

  private static List<Map<String, Object>> manifests() {
    return Yaml.readAll(Yaml.writeAll(KubernetesManifests.generate(Plans.guide())));
  }

  private static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
    return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(ManifestValidator.text(d,
        "metadata.name"))).findFirst().orElseThrow();
  }

  private static Map<String, Object> apiContainer(List<Map<String, Object>> docs) {
    return ManifestValidator.cast(ManifestValidator.list(find(docs, "Deployment", "sales-api"),
        "spec.template.spec.containers").get(0));
  }

  private static List<String> codes(Consumer<List<Map<String, Object>>> mistake) {
    List<Map<String, Object>> docs = manifests();
    mistake.accept(docs);
    return ManifestValidator.kubernetes(docs, true).stream().map(ManifestIssue::code).toList();
  }

  @Test
  void theGeneratedManifestsAndComposeFileAreClean() {
    assertThat(ManifestValidator.kubernetes(manifests(), true)).isEmpty();
    Map<String, Object> compose = Yaml.readAll(Yaml.write(ComposeFile.generate(Plans.guide()))).get(0);
    assertThat(ManifestValidator.compose(compose)).isEmpty();
  }

  @Test
  void imageTags() {
    assertThat(codes(d -> apiContainer(d).put("image", "ghcr.io/open-forge/sales-api:latest")))
        .containsExactly("image_tag_latest");
    assertThat(codes(d -> apiContainer(d).put("image", "ghcr.io/open-forge/sales-api"))).containsExactly(
        "image_tag_missing");
    assertThat(codes(d -> apiContainer(d).put("image", "registry:5000/sales-api@sha256:" + "a".repeat(64))))
        .isEmpty();
  }

  @Test
  void probes() {
    assertThat(codes(d -> apiContainer(d).remove("readinessProbe"))).containsExactly("probe_missing");
    assertThat(codes(d -> ManifestValidator.cast(apiContainer(d).get("livenessProbe")).put("httpGet",
        BuildJson.map("path", "/healthz", "port", "web")))).containsExactly("probe_port_unknown");
  }

  @Test
  void resourceQuantities() {
    assertThat(codes(d -> ManifestValidator.cast(ManifestValidator.get(apiContainer(d), "resources.limits"))
        .put("memory", "4GB"))).contains("invalid_quantity");
    assertThat(codes(d -> ManifestValidator.cast(ManifestValidator.get(apiContainer(d), "resources.requests"))
        .put("cpu", "two"))).contains("invalid_quantity");
    assertThat(codes(d -> ManifestValidator.cast(ManifestValidator.get(apiContainer(d), "resources.requests"))
        .put("cpu", "2500m"))).containsExactly("requests_exceed_limits");
    assertThat(codes(d -> ManifestValidator.cast(apiContainer(d).get("resources")).remove("requests")))
        .contains("resources_missing", "hpa_without_cpu_requests");
  }

  @Test
  void autoscalingBounds() {
    assertThat(codes(d -> ManifestValidator.cast(find(d, "HorizontalPodAutoscaler", "sales-api").get("spec"))
        .put("minReplicas", 12))).contains("min_exceeds_max", "replicas_outside_range");
    assertThat(codes(d -> ManifestValidator.cast(find(d, "Deployment", "sales-api").get("spec"))
        .put("replicas", 11))).containsExactly("replicas_outside_range");
    assertThat(codes(d -> ManifestValidator.cast(find(d, "HorizontalPodAutoscaler", "sales-api").get("spec"))
        .put("minReplicas", 0))).contains("invalid_min_replicas");
    assertThat(codes(d -> ManifestValidator.cast(ManifestValidator.get(find(d, "HorizontalPodAutoscaler",
        "sales-api"), "spec.scaleTargetRef")).put("name", "sales-backend"))).containsExactly("hpa_target_missing");
    assertThat(codes(d -> ManifestValidator.cast(ManifestValidator.list(find(d, "HorizontalPodAutoscaler",
        "sales-api"), "spec.metrics").get(0)).put("resource", BuildJson.map("name", "cpu", "target",
        BuildJson.map("type", "Utilization", "averageUtilization", 170))))).containsExactly(
        "invalid_target_utilization");
  }

  @Test
  void labelsAndSelectors() {
    assertThat(codes(d -> ManifestValidator.cast(ManifestValidator.get(find(d, "Deployment", "sales-api"),
        "spec.selector.matchLabels")).put("app.kubernetes.io/component", "backend")))
        .contains("selector_mismatch");
    assertThat(codes(d -> ManifestValidator.cast(ManifestValidator.get(find(d, "Service", "sales-api"),
        "spec.selector")).put("app.kubernetes.io/name", "sales-backend"))).containsExactly("service_selects_nothing");
    assertThat(codes(d -> ManifestValidator.cast(ManifestValidator.list(find(d, "Service", "sales-api"),
        "spec.ports").get(0)).put("targetPort", "web"))).containsExactly("target_port_unknown");
    assertThat(codes(d -> ManifestValidator.cast(ManifestValidator.get(find(d, "PodDisruptionBudget", "sales-api"),
        "spec.selector.matchLabels")).put("app.kubernetes.io/name", "x"))).containsExactly("pdb_selects_nothing");
    assertThat(codes(d -> ManifestValidator.cast(find(d, "Deployment", "sales-api").get("metadata"))
        .put("name", "Sales_API"))).contains("invalid_name");
  }

  @Test
  void disruptionBudgetThatBlocksEvictions() {
    assertThat(codes(d -> {
      Map<String, Object> spec = ManifestValidator.cast(find(d, "PodDisruptionBudget", "sales-api").get("spec"));
      spec.remove("maxUnavailable");
      spec.put("minAvailable", 2);
    })).containsExactly("pdb_blocks_eviction");
  }

  @Test
  void secretsAreNeverValues() {
    assertThat(codes(d -> apiContainer(d).put("env", List.of(BuildJson.map("name", "DB_PASSWORD", "value",
        "hunter2"))))).containsExactly("inline_secret");
    assertThat(codes(d -> ManifestValidator.cast(find(d, "ConfigMap", "sales-config").get("data"))
        .put("SOURCE", "postgresql://reader:s3cret@db:5432/sales"))).containsExactly("inline_secret");
    assertThat(codes(d -> d.add(BuildJson.map("apiVersion", "v1", "kind", "Secret", "metadata",
        BuildJson.map("name", "sales-secrets", "namespace", "sales-prod"), "data", Map.of("k", "dg==")))))
        .containsExactly("secret_values_in_manifests");
  }

  @Test
  void scheduleTlsNamespaceAndPolicies() {
    assertThat(codes(d -> ManifestValidator.cast(d.stream().filter(x -> "CronJob".equals(x.get("kind")))
        .findFirst().orElseThrow().get("spec")).put("schedule", "61 * * * *"))).containsExactly("invalid_schedule");
    assertThat(codes(d -> ManifestValidator.cast(find(d, "Ingress", "sales").get("spec")).remove("tls")))
        .containsExactly("ingress_without_tls");
    assertThat(codes(d -> ManifestValidator.cast(find(d, "Service", "sales-ui").get("metadata"))
        .put("namespace", "default"))).containsExactly("namespace_mismatch");
    List<String> withoutPolicies = codes(d -> d.removeIf(x -> "NetworkPolicy".equals(x.get("kind"))));
    assertThat(withoutPolicies).containsExactly("no_network_policy", "no_network_policy");
    List<Map<String, Object>> docs = manifests();
    ManifestValidator.cast(find(docs, "Ingress", "sales").get("spec")).remove("tls");
    assertThat(ManifestValidator.kubernetes(docs, false)).extracting(ManifestIssue::severity)
        .containsExactly("warning");
  }

  @Test
  void composeMistakes() {
    Map<String, Object> compose = Yaml.readAll(Yaml.write(ComposeFile.generate(Plans.guide()))).get(0);
    Map<String, Object> api = ManifestValidator.cast(ManifestValidator.get(compose, "services.api"));
    api.put("ports", new ArrayList<>(List.of("8080:8080")));
    Map<String, Object> env = new LinkedHashMap<>(ManifestValidator.cast(api.get("environment")));
    env.put("API_TOKEN", "abc123");
    api.put("environment", env);
    ManifestValidator.cast(ManifestValidator.get(api, "deploy.resources.limits")).put("memory", "4GB");
    api.put("depends_on", List.of("cache"));
    api.put("user", "root");
    api.put("image", "ghcr.io/open-forge/sales-api:latest");
    assertThat(ManifestValidator.compose(compose)).extracting(ManifestIssue::code).containsExactlyInAnyOrder(
        "port_conflict", "inline_secret", "invalid_quantity", "unknown_dependency", "runs_as_root",
        "image_tag_latest");
  }
}
