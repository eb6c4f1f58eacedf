package org.openforge.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.agent.build.BuildJson;

/**
 * The exports as real objects: the manifests written to YAML read back into the same fabric8 objects, the Compose
 * file is checked by the compose-spec schema, and the Dockerfile is the platform's image for the product.
 */
class DeploymentExportsTest {

  @Test
  void theManifestsRoundTripThroughYamlAsFabric8Objects() {
    List<HasMetadata> objects = KubernetesManifests.objects(Plans.guide());
    String yaml = Yaml.writeAll(KubernetesManifests.generate(Plans.guide()));
    List<HasMetadata> reread = Yaml.readObjects(yaml);
    assertThat(reread).noneMatch(o -> o instanceof GenericKubernetesResource);
    assertThat(reread).extracting(HasMetadata::getKind).containsExactly("Namespace", "ConfigMap", "Deployment",
        "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Deployment", "Service", "CronJob",
        "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "Ingress");
    assertThat(reread).extracting(HasMetadata::getApiVersion).contains("v1", "apps/v1", "autoscaling/v2",
        "policy/v1", "batch/v1", "networking.k8s.io/v1");
    // the same objects (compared in their serialized form: the builders leave empty lists where reading leaves null)
    assertThat(reread.stream().map(KubernetesManifests::toMap).toList())
        .isEqualTo(objects.stream().map(KubernetesManifests::toMap).toList());
    Deployment api = (Deployment) reread.get(2);
    assertThat(api.getSpec().getReplicas()).isEqualTo(3);
    assertThat(api.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits().get("memory")
        .toString()).isEqualTo("4Gi");
    HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) reread.get(4);
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
    // stable output: the same plan writes the same text, and the plain-map reading still works
    assertThat(Yaml.writeAll(KubernetesManifests.generate(Plans.guide()))).isEqualTo(yaml);
    assertThat(Yaml.readAll(yaml)).hasSize(objects.size());
    assertThat(yaml).doesNotContain("kind: Secret").contains("secretRef:");
  }

  @Test
  void manifestsThatDoNotReadAsTheirModelAreErrors() {
    List<Map<String, Object>> docs = Yaml.readAll(Yaml.writeAll(KubernetesManifests.generate(Plans.guide())));
    ManifestValidator.cast(docs.get(2).get("spec")).put("replicas", "three");
    docs.add(BuildJson.map("apiVersion", "example.com/v1", "kind", "Frobnicator", "metadata",
        BuildJson.map("name", "x", "namespace", "sales-prod")));
    List<ManifestIssue> issues = ManifestValidator.kubernetes(docs, true);
    assertThat(issues).extracting(i -> i.code() + " " + i.object() + " " + i.path()).contains(
        "kubernetes_model Deployment/sales-api spec.replicas", "unknown_kind Frobnicator/x kind");
  }

  @Test
  void aComposeFileOutsideTheSpecHasSchemaErrorsAtTheirPaths() {
    Map<String, Object> compose = Yaml.readAll(Yaml.write(ComposeFile.generate(Plans.guide()))).get(0);
    assertThat(ManifestValidator.compose(compose)).isEmpty();
    Map<String, Object> api = ManifestValidator.cast(ManifestValidator.get(compose, "services.api"));
    api.put("imagee", "typo");
    api.put("read_only", "yes");
    ManifestValidator.cast(api.get("deploy")).put("replicas", "three");
    compose.put("name", "Sales Platform");
    List<ManifestIssue> issues = ManifestValidator.compose(compose);
    assertThat(issues).allMatch(ManifestIssue::isError).extracting(ManifestIssue::code).containsOnly("compose_schema");
    assertThat(issues).extracting(ManifestIssue::path).contains("name", "services.api", "services.api.read_only",
        "services.api.deploy.replicas");
    assertThat(issues).filteredOn(i -> i.path().equals("services.api")).extracting(ManifestIssue::message)
        .anyMatch(m -> m.contains("imagee"));
    assertThat(issues).extracting(ManifestIssue::object).contains("compose/api", "compose");
  }

  @Test
  void theDockerfileIsThePlatformServingTheProduct() {
    String dockerfile = DockerfileExport.generate(Plans.guide());
    assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).containsExactly("FROM eclipse-temurin:17-jre");
    assertThat(dockerfile).contains("COPY --chown=root:root target/open-forge-*.jar /app/open-forge.jar")
        .contains("OPENFORGE_DATA_DIR=/data").contains("EXPOSE 8080").contains("USER 10001:10001")
        .contains("HEALTHCHECK").contains("/actuator/health").contains("dev.openforge.product=\"sales\"")
        .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/open-forge.jar\"]");
    // USER comes after everything that needs root, and no secret is baked in
    assertThat(dockerfile.indexOf("\nUSER ")).isGreaterThan(dockerfile.indexOf("\nRUN "));
    assertThat(dockerfile.lines().filter(l -> l.startsWith("ENV") || l.startsWith("    ")))
        .noneMatch(l -> l.contains("DATA_API_KEYS") || l.contains("OPENFORGE_TARGET_URL"));
  }
}
