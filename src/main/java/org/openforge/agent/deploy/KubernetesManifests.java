package org.openforge.agent.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes manifests of a deployment, built as fabric8 model objects: Namespace (restricted pod security),
 * ConfigMap, the data API's Deployment with Service, HorizontalPodAutoscaler and PodDisruptionBudget, the dashboard's
 * Deployment and Service, a CronJob per pipeline job, NetworkPolicies (default deny, then what each component needs),
 * and an Ingress with TLS. Credentials come from a Secret that is referenced by name, never written here.
 */
public final class KubernetesManifests {

  static final int HTTP_PORT = 8080;
  static final String INGRESS_NAMESPACE = "ingress-nginx";
  /** Plain Jackson on the model classes: their annotations give the field order and leave out unset fields. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private KubernetesManifests() {}

  /** The manifests as plain maps (the form written to YAML and validated), converted from {@link #objects}. */
  public static List<Map<String, Object>> generate(DeploymentPlan plan) {
    List<Map<String, Object>> out = new ArrayList<>();
    objects(plan).forEach(o -> out.add(toMap(o)));
    return out;
  }

  static Map<String, Object> toMap(HasMetadata object) {
    return MAPPER.convertValue(object, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  /** The manifests as fabric8 objects, in the order they are applied. */
  public static List<HasMetadata> objects(DeploymentPlan plan) {
    DeploymentInput in = plan.input();
    List<HasMetadata> docs = new ArrayList<>();
    docs.add(new NamespaceBuilder().withNewMetadata().withName(in.namespace())
        .addToLabels("app.kubernetes.io/part-of", plan.slug())
        .addToLabels("pod-security.kubernetes.io/enforce", "restricted").endMetadata().build());
    docs.add(new ConfigMapBuilder().withMetadata(meta(plan, plan.configMap(), "config"))
        .withData(new LinkedHashMap<>(plan.config())).build());
    docs.add(deployment(plan, plan.api(), "api", in.replicas(), plan.image("api"), in.cpu(), in.memory(),
        "/healthz", "/readyz"));
    docs.add(service(plan, plan.api(), "api"));
    docs.add(new HorizontalPodAutoscalerBuilder().withMetadata(meta(plan, plan.api(), "api")).withNewSpec()
        .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(plan.api())
        .endScaleTargetRef()
        .withMinReplicas(in.minReplicas()).withMaxReplicas(in.maxReplicas())
        .addNewMetric().withType("Resource").withNewResource().withName("cpu").withNewTarget().withType("Utilization")
        .withAverageUtilization(in.targetCpuUtilization()).endTarget().endResource().endMetric()
        .endSpec().build());
    docs.add(new PodDisruptionBudgetBuilder().withMetadata(meta(plan, plan.api(), "api")).withNewSpec()
        .withMaxUnavailable(new IntOrString(1)).withSelector(matching(selector(plan, plan.api(), "api")))
        .endSpec().build());
    int uiReplicas = in.production() ? 2 : 1;
    docs.add(deployment(plan, plan.ui(), "ui", uiReplicas, plan.image("ui"), "100m", "128Mi", "/", "/"));
    docs.add(service(plan, plan.ui(), "ui"));
    for (String job : plan.pipelineJobs()) {
      docs.add(cronJob(plan, job));
    }
    docs.addAll(networkPolicies(plan));
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("nginx.ingress.kubernetes.io/ssl-redirect", "true");
    annotations.put("nginx.ingress.kubernetes.io/force-ssl-redirect", "true");
    IngressRule rule = new IngressRuleBuilder().withHost(in.host()).withNewHttp()
        .addNewPath().withPath("/data-api").withPathType("Prefix").withNewBackend().withNewService()
        .withName(plan.api()).withNewPort().withName("http").endPort().endService().endBackend().endPath()
        .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService()
        .withName(plan.ui()).withNewPort().withName("http").endPort().endService().endBackend().endPath()
        .endHttp().build();
    docs.add(new IngressBuilder().withNewMetadata().withName(plan.slug()).withNamespace(in.namespace())
        .withLabels(labels(plan, plan.slug(), "ingress")).withAnnotations(annotations).endMetadata()
        .withNewSpec().withIngressClassName("nginx")
        .addNewTl().withHosts(in.host()).withSecretName(plan.slug() + "-tls").endTl()
        .withRules(rule).endSpec().build());
    return docs;
  }

  /**
   * A CronJob name within 52 characters (its Jobs add 11 to reach the 63 of a label): longer names keep their
   * start and end with a short hash.
   */
  static String cronJobName(String name) {
    if (name.length() <= 52) {
      return name;
    }
    String hash = Integer.toHexString(name.hashCode() & 0xfffffff);
    return name.substring(0, 51 - hash.length()).replaceAll("-+$", "") + "-" + hash;
  }

  static Map<String, String> labels(DeploymentPlan plan, String name, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", name);
    labels.put("app.kubernetes.io/component", component);
    labels.put("app.kubernetes.io/part-of", plan.slug());
    labels.put("app.kubernetes.io/version", plan.tag());
    labels.put("app.kubernetes.io/managed-by", "open-forge");
    return labels;
  }

  static Map<String, String> selector(DeploymentPlan plan, String name, String component) {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put("app.kubernetes.io/name", name);
    selector.put("app.kubernetes.io/component", component);
    return selector;
  }

  private static LabelSelector matching(Map<String, String> labels) {
    return new LabelSelectorBuilder().withMatchLabels(new LinkedHashMap<>(labels)).build();
  }

  private static ObjectMeta meta(DeploymentPlan plan, String name, String component) {
    return new ObjectMetaBuilder().withName(name).withNamespace(plan.input().namespace())
        .withLabels(labels(plan, name, component)).build();
  }

  private static PodSecurityContext podSecurity() {
    return new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(10001L).withRunAsGroup(10001L)
        .withFsGroup(10001L).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build();
  }

  private static SecurityContext containerSecurity() {
    return new SecurityContextBuilder().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true).withNewCapabilities().withDrop("ALL").endCapabilities().build();
  }

  private static List<EnvFromSource> envFrom(DeploymentPlan plan, boolean secrets) {
    List<EnvFromSource> out = new ArrayList<>();
    out.add(new EnvFromSourceBuilder().withNewConfigMapRef().withName(plan.configMap()).endConfigMapRef().build());
    if (secrets) {
      out.add(new EnvFromSourceBuilder().withNewSecretRef().withName(plan.secret()).withOptional(false)
          .endSecretRef().build());
    }
    return out;
  }

  private static ResourceRequirements resources(String cpu, String memory, String cpuLimit, String memoryLimit) {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(cpu)).addToRequests("memory", new Quantity(memory))
        .addToLimits("cpu", new Quantity(cpuLimit)).addToLimits("memory", new Quantity(memoryLimit)).build();
  }

  private static Probe probe(String path, int initialDelay, int period) {
    return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString("http")).endHttpGet()
        .withInitialDelaySeconds(initialDelay).withPeriodSeconds(period).withTimeoutSeconds(3)
        .withFailureThreshold(3).build();
  }

  private static VolumeMount tmpMount() {
    return new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build();
  }

  private static Volume tmpVolume(String size) {
    return new VolumeBuilder().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity(size)).endEmptyDir()
        .build();
  }

  private static Deployment deployment(DeploymentPlan plan, String name, String component, int replicas,
      String image, String cpu, String memory, String liveness, String readiness) {
    Container container = new ContainerBuilder().withName(component).withImage(image)
        .withImagePullPolicy("IfNotPresent")
        .withPorts(new ContainerPortBuilder().withName("http").withContainerPort(HTTP_PORT).withProtocol("TCP")
            .build())
        .withEnvFrom(envFrom(plan, component.equals("api")))
        .withResources(resources(cpu, memory, cpu, memory))
        .withReadinessProbe(probe(readiness, 5, 10)).withLivenessProbe(probe(liveness, 15, 20))
        .withSecurityContext(containerSecurity()).withVolumeMounts(tmpMount()).build();
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("openforge.dev/ontology", plan.config().getOrDefault("ONTOLOGY", ""));
    if (component.equals("api")) {
      annotations.put("openforge.dev/secret-keys", String.join(",", plan.secretKeys()));
    }
    PodSpecBuilder pod = new PodSpecBuilder().withAutomountServiceAccountToken(false)
        .withSecurityContext(podSecurity()).withContainers(container).withVolumes(tmpVolume("64Mi"));
    if (plan.input().production() && replicas > 1) {
      pod.withTopologySpreadConstraints(new TopologySpreadConstraintBuilder().withMaxSkew(1)
          .withTopologyKey("topology.kubernetes.io/zone").withWhenUnsatisfiable("ScheduleAnyway")
          .withLabelSelector(matching(selector(plan, name, component))).build());
    }
    return new DeploymentBuilder().withMetadata(meta(plan, name, component)).withNewSpec()
        .withReplicas(replicas).withRevisionHistoryLimit(5)
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate().withMaxUnavailable(new IntOrString(0))
        .withMaxSurge(new IntOrString(1)).endRollingUpdate().endStrategy()
        .withSelector(matching(selector(plan, name, component)))
        .withNewTemplate().withNewMetadata().withLabels(labels(plan, name, component)).withAnnotations(annotations)
        .endMetadata().withSpec(pod.build()).endTemplate()
        .endSpec().build();
  }

  private static io.fabric8.kubernetes.api.model.Service service(DeploymentPlan plan, String name, String component) {
    return new ServiceBuilder().withMetadata(meta(plan, name, component)).withNewSpec().withType("ClusterIP")
        .withSelector(selector(plan, name, component))
        .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).withProtocol("TCP")
        .endPort().endSpec().build();
  }

  private static CronJob cronJob(DeploymentPlan plan, String job) {
    String name = cronJobName(plan.pipeline() + "-" + job.replace('_', '-'));
    Container container = new ContainerBuilder().withName("pipeline").withImage(plan.image("pipeline"))
        .withImagePullPolicy("IfNotPresent")
        .withArgs("dagster", "job", "execute", "-m", plan.pipelineModule(), "-j", job)
        .withEnvFrom(envFrom(plan, true)).withResources(resources("500m", "1Gi", "1", "2Gi"))
        .withSecurityContext(containerSecurity()).withVolumeMounts(tmpMount()).build();
    return new CronJobBuilder().withMetadata(meta(plan, name, "pipeline")).withNewSpec()
        .withSchedule(plan.cron()).withTimeZone("Etc/UTC").withConcurrencyPolicy("Forbid")
        .withSuccessfulJobsHistoryLimit(3).withFailedJobsHistoryLimit(3).withStartingDeadlineSeconds(600L)
        .withNewJobTemplate().withNewSpec().withBackoffLimit(2).withNewTemplate()
        .withNewMetadata().withLabels(labels(plan, name, "pipeline"))
        .addToAnnotations("openforge.dev/secret-keys", String.join(",", plan.secretKeys())).endMetadata()
        .withNewSpec().withRestartPolicy("Never").withAutomountServiceAccountToken(false)
        .withSecurityContext(podSecurity()).withContainers(container).withVolumes(tmpVolume("1Gi")).endSpec()
        .endTemplate().endSpec().endJobTemplate()
        .endSpec().build();
  }

  private static NetworkPolicyPort port(String protocol, int port) {
    return new NetworkPolicyPortBuilder().withProtocol(protocol).withPort(new IntOrString(port)).build();
  }

  private static NetworkPolicyPeer namespace(String name) {
    return new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
        .addToMatchLabels("kubernetes.io/metadata.name", name).endNamespaceSelector().build();
  }

  private static NetworkPolicyPeer pods(Map<String, String> labels) {
    return new NetworkPolicyPeerBuilder().withPodSelector(matching(labels)).build();
  }

  /** Anywhere but the cloud metadata endpoint: the sources' addresses are not known when the manifests are made. */
  private static NetworkPolicyPeer anywhere() {
    return new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr("0.0.0.0/0").withExcept("169.254.169.254/32")
        .endIpBlock().build();
  }

  private static NetworkPolicyEgressRule egress(List<NetworkPolicyPeer> to, List<NetworkPolicyPort> ports) {
    return new NetworkPolicyEgressRuleBuilder().withTo(to).withPorts(ports).build();
  }

  private static NetworkPolicy policy(DeploymentPlan plan, String name, Map<String, String> pods,
      List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule> ingress,
      List<NetworkPolicyEgressRule> egress) {
    return new NetworkPolicyBuilder().withMetadata(meta(plan, name, "network")).withNewSpec()
        .withPodSelector(pods.isEmpty() ? new LabelSelector() : matching(pods))
        .withPolicyTypes("Ingress", "Egress")
        .withIngress(ingress.isEmpty() ? null : ingress).withEgress(egress.isEmpty() ? null : egress)
        .endSpec().build();
  }

  private static io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule from(
      List<NetworkPolicyPeer> peers) {
    return new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder().withFrom(peers)
        .withPorts(port("TCP", HTTP_PORT)).build();
  }

  private static List<NetworkPolicy> networkPolicies(DeploymentPlan plan) {
    NetworkPolicyEgressRule dns = egress(List.of(namespace("kube-system")), List.of(port("UDP", 53),
        port("TCP", 53)));
    List<NetworkPolicyPort> sourcePorts = new ArrayList<>();
    plan.sourcePorts().forEach(p -> sourcePorts.add(port("TCP", p)));
    NetworkPolicyPeer fromIngress = namespace(INGRESS_NAMESPACE);
    List<NetworkPolicy> out = new ArrayList<>();
    out.add(policy(plan, plan.slug() + "-default-deny", Map.of(), List.of(), List.of()));
    List<NetworkPolicyEgressRule> apiEgress = new ArrayList<>(List.of(dns));
    if (!sourcePorts.isEmpty()) {
      apiEgress.add(egress(List.of(anywhere()), sourcePorts));
    }
    out.add(policy(plan, plan.api(), selector(plan, plan.api(), "api"),
        List.of(from(List.of(fromIngress, pods(selector(plan, plan.ui(), "ui"))))), apiEgress));
    out.add(policy(plan, plan.ui(), selector(plan, plan.ui(), "ui"), List.of(from(List.of(fromIngress))),
        List.of(dns, egress(List.of(pods(selector(plan, plan.api(), "api"))), List.of(port("TCP", HTTP_PORT))))));
    if (!plan.pipelineJobs().isEmpty()) {
      List<NetworkPolicyPort> ports = new ArrayList<>(sourcePorts);
      if (!plan.sourcePorts().contains(5432)) {
        ports.add(port("TCP", 5432));
      }
      Map<String, String> pipelinePods = new LinkedHashMap<>();
      pipelinePods.put("app.kubernetes.io/component", "pipeline");
      pipelinePods.put("app.kubernetes.io/part-of", plan.slug());
      out.add(policy(plan, plan.pipeline(), pipelinePods, List.of(), List.of(dns, egress(List.of(anywhere()),
          ports))));
    }
    return out;
  }
}
