package org.openforge.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.agent.AgentDeclinedException;

/** Percentiles, quantities, the input and the deployment part of the security review. */
class DeploymentUnitsTest {

  @Test
  void nearestRankPercentiles() {
    double[] tens = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
    Percentiles p = Percentiles.of(tens);
    assertThat(p.p50()).isEqualTo(5);
    assertThat(p.p95()).isEqualTo(10);
    assertThat(p.p99()).isEqualTo(10);
    assertThat(p.min()).isEqualTo(1);
    assertThat(p.mean()).isEqualTo(5.5);
    double[] hundred = new double[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = 100 - i;
    }
    assertThat(Percentiles.of(hundred).p95()).isEqualTo(95);
    assertThat(Percentiles.of(hundred).p99()).isEqualTo(99);
    assertThat(Percentiles.of(new double[] {7.123}).p50()).isEqualTo(7.12);
    assertThat(Percentiles.of(new double[0]).count()).isZero();
    assertThatThrownBy(() -> Percentiles.rank(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quantities() {
    assertThat(Quantities.millicores("2")).contains(new BigDecimal("2000"));
    assertThat(Quantities.millicores("500m")).contains(new BigDecimal("500"));
    assertThat(Quantities.millicores("0.5").orElseThrow()).isEqualByComparingTo("500");
    assertThat(Quantities.millicores("2 cores")).isEmpty();
    assertThat(Quantities.bytes("4Gi")).contains(BigDecimal.valueOf(4L << 30));
    assertThat(Quantities.bytes("512Mi")).contains(BigDecimal.valueOf(512L << 20));
    assertThat(Quantities.bytes("1G")).contains(BigDecimal.valueOf(1_000_000_000L));
    assertThat(Quantities.bytes("1e3").orElseThrow()).isEqualByComparingTo("1000");
    assertThat(Quantities.bytes("4GB")).isEmpty();
    assertThat(Quantities.composeMemory("4Gi")).isEqualTo("4g");
    assertThat(Quantities.composeMemory("512Mi")).isEqualTo("512m");
    assertThat(Quantities.composeCpus("500m")).isEqualTo("0.5");
    assertThat(Quantities.composeCpus("2")).isEqualTo("2");
    assertThat(Quantities.composeBytes("4g")).contains(BigDecimal.valueOf(4L << 30));
  }

  @Test
  void inputDefaultsAndWrongValues() {
    DeploymentInput guide = Plans.input(Map.of());
    assertThat(guide.replicas()).isEqualTo(3);
    assertThat(guide.minReplicas()).isEqualTo(2);
    assertThat(guide.namespace()).isEqualTo("sales-prod");
    DeploymentInput bare = DeploymentInput.read(Map.of(), "sales");
    assertThat(bare.environment()).isEqualTo("staging");
    assertThat(bare.minReplicas()).isLessThanOrEqualTo(bare.replicas());
    assertThat(bare.maxReplicas()).isGreaterThanOrEqualTo(bare.replicas());
    assertThatThrownBy(() -> DeploymentInput.read(Map.of("resources", Map.of("replicas", "three")), "sales"))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("resources.replicas");
    assertThatThrownBy(() -> DeploymentInput.read(Map.of("deployment_type", "helm"), "sales"))
        .isInstanceOf(AgentDeclinedException.class).hasMessageContaining("not supported");
  }

  @Test
  void securityReviewOfTheDeploymentFiles() {
    DeploymentPlan plan = Plans.guide();
    List<Map<String, Object>> docs = KubernetesManifests.generate(plan);
    Map<String, Object> compose = ComposeFile.generate(plan);
    assertThat(SecurityReview.deploymentChecks(docs, compose, plan.input())).allMatch(c -> c.status().equals("pass"));

    Map<String, Object> api = docs.stream().filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow();
    ManifestValidator.cast(ManifestValidator.get(api, "spec.template.spec.securityContext")).remove("runAsNonRoot");
    Map<String, Object> container = ManifestValidator.cast(ManifestValidator.list(api, "spec.template.spec.containers")
        .get(0));
    ManifestValidator.cast(container.get("securityContext")).remove("runAsNonRoot");
    container.put("env", List.of(Map.of("name", "SOURCE_PASSWORD", "value", "s3cret")));
    docs.removeIf(d -> "Ingress".equals(d.get("kind")));
    List<SecurityCheck> checks = SecurityReview.deploymentChecks(docs, compose, plan.input());
    assertThat(checks.stream().filter(c -> c.status().equals("fail")).map(c -> c.id() + ":" + c.severity()))
        .containsExactlyInAnyOrder("deployment.secrets:high", "deployment.non_root:high", "deployment.tls:high");
  }

  @Test
  void cronJobNamesStayWithinTheLimit() {
    String name = KubernetesManifests.cronJobName("sales-analytics-platform-pipeline-ingest-sales-postgresql-858e65");
    assertThat(name.length()).isLessThanOrEqualTo(52);
    assertThat(name).startsWith("sales-analytics-platform-pipeline").matches("[a-z0-9-]+[a-z0-9]");
    assertThat(KubernetesManifests.cronJobName("short-name")).isEqualTo("short-name");
  }
}
