package org.openforge.agent.deploy;

import static org.openforge.agent.build.BuildJson.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes manifests of a deployment: Namespace (restricted pod security), ConfigMap, the data API's
 * Deployment with Service, HorizontalPodAutoscaler and PodDisruptionBudget, the dashboard's Deployment and Service,
 * a CronJob per pipeline job, NetworkPolicies (default deny, then what each component needs), and an Ingress with
 * TLS. Credentials come from a Secret that is referenced by name, never written here.
 */
public final class KubernetesManifests {

  static final int HTTP_PORT = 8080;
  static final String INGRESS_NAMESPACE = "ingress-nginx";

  private KubernetesManifests() {}

  public static List<Map<String, Object>> generate(DeploymentPlan plan) {
    DeploymentInput in = plan.input();
    List<Map<String, Object>> docs = new ArrayList<>();
    docs.add(map("apiVersion", "v1", "kind", "Namespace", "metadata", map("name", in.namespace(), "labels",
        map("app.kubernetes.io/part-of", plan.slug(), "pod-security.kubernetes.io/enforce", "restricted"))));
    docs.add(map("apiVersion", "v1", "kind", "ConfigMap", "metadata", meta(plan, plan.configMap(), "config"),
        "data", plan.config()));
    docs.add(deployment(plan, plan.api(), "api", in.replicas(), plan.image("api"), in.cpu(), in.memory(),
        "/healthz", "/readyz"));
    docs.add(service(plan, plan.api(), "api"));
    docs.add(map("apiVersion", "autoscaling/v2", "kind", "HorizontalPodAutoscaler", "metadata",
        meta(plan, plan.api(), "api"), "spec", map(
            "scaleTargetRef", map("apiVersion", "apps/v1", "kind", "Deployment", "name", plan.api()),
            "minReplicas", in.minReplicas(), "maxReplicas", in.maxReplicas(),
            "metrics", List.of(map("type", "Resource", "resource", map("name", "cpu", "target",
                map("type", "Utilization", "averageUtilization", in.targetCpuUtilization())))))));
    docs.add(map("apiVersion", "policy/v1", "kind", "PodDisruptionBudget", "metadata", meta(plan, plan.api(), "api"),
        "spec", map("maxUnavailable", 1, "selector", map("matchLabels", selector(plan, plan.api(), "api")))));
    int uiReplicas = in.production() ? 2 : 1;
    docs.add(deployment(plan, plan.ui(), "ui", uiReplicas, plan.image("ui"), "100m", "128Mi", "/", "/"));
    docs.add(service(plan, plan.ui(), "ui"));
    for (String job : plan.pipelineJobs()) {
      docs.add(cronJob(plan, job));
    }
    docs.addAll(networkPolicies(plan));
    docs.add(map("apiVersion", "networking.k8s.io/v1", "kind", "Ingress", "metadata", map("name", plan.slug(),
        "namespace", in.namespace(), "labels", labels(plan, plan.slug(), "ingress"), "annotations",
        map("nginx.ingress.kubernetes.io/ssl-redirect", "true", "nginx.ingress.kubernetes.io/force-ssl-redirect",
            "true")), "spec", map("ingressClassName", "nginx",
        "tls", List.of(map("hosts", List.of(in.host()), "secretName", plan.slug() + "-tls")),
        "rules", List.of(map("host", in.host(), "http", map("paths", List.of(
            map("path", "/data-api", "pathType", "Prefix", "backend", map("service", map("name", plan.api(),
                "port", map("name", "http")))),
            map("path", "/", "pathType", "Prefix", "backend", map("service", map("name", plan.ui(),
                "port", map("name", "http")))))))))));
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

  static Map<String, Object> labels(DeploymentPlan plan, String name, String component) {
    return map("app.kubernetes.io/name", name, "app.kubernetes.io/component", component,
        "app.kubernetes.io/part-of", plan.slug(), "app.kubernetes.io/version", plan.tag(),
        "app.kubernetes.io/managed-by", "open-forge");
  }

  static Map<String, Object> selector(DeploymentPlan plan, String name, String component) {
    return map("app.kubernetes.io/name", name, "app.kubernetes.io/component", component);
  }

  private static Map<String, Object> meta(DeploymentPlan plan, String name, String component) {
    return map("name", name, "namespace", plan.input().namespace(), "labels", labels(plan, name, component));
  }

  private static Map<String, Object> podSecurity() {
    return map("runAsNonRoot", true, "runAsUser", 10001, "runAsGroup", 10001, "fsGroup", 10001,
        "seccompProfile", map("type", "RuntimeDefault"));
  }

  private static Map<String, Object> containerSecurity() {
    return map("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true, "runAsNonRoot", true,
        "capabilities", map("drop", List.of("ALL")));
  }

  private static List<Object> envFrom(DeploymentPlan plan) {
    return List.of(map("configMapRef", map("name", plan.configMap())),
        map("secretRef", map("name", plan.secret(), "optional", false)));
  }

  private static Map<String, Object> deployment(DeploymentPlan plan, String name, String component, int replicas,
      String image, String cpu, String memory, String liveness, String readiness) {
    Map<String, Object> container = map("name", component, "image", image, "imagePullPolicy", "IfNotPresent",
        "ports", List.of(map("name", "http", "containerPort", HTTP_PORT, "protocol", "TCP")),
        "envFrom", component.equals("api") ? envFrom(plan) : List.of(map("configMapRef", map("name",
            plan.configMap()))),
        "resources", map("requests", map("cpu", cpu, "memory", memory), "limits", map("cpu", cpu, "memory", memory)),
        "readinessProbe", map("httpGet", map("path", readiness, "port", "http"), "initialDelaySeconds", 5,
            "periodSeconds", 10, "timeoutSeconds", 3, "failureThreshold", 3),
        "livenessProbe", map("httpGet", map("path", liveness, "port", "http"), "initialDelaySeconds", 15,
            "periodSeconds", 20, "timeoutSeconds", 3, "failureThreshold", 3),
        "securityContext", containerSecurity(),
        "volumeMounts", List.of(map("name", "tmp", "mountPath", "/tmp")));
    Map<String, Object> annotations = map("openforge.dev/ontology", plan.config().getOrDefault("ONTOLOGY", ""));
    if (component.equals("api")) {
      annotations.put("openforge.dev/secret-keys", String.join(",", plan.secretKeys()));
    }
    Map<String, Object> podSpec = map("automountServiceAccountToken", false, "securityContext", podSecurity(),
        "containers", List.of(container), "volumes", List.of(map("name", "tmp", "emptyDir", map("sizeLimit",
            "64Mi"))));
    if (plan.input().production() && replicas > 1) {
      podSpec.put("topologySpreadConstraints", List.of(map("maxSkew", 1, "topologyKey",
          "topology.kubernetes.io/zone", "whenUnsatisfiable", "ScheduleAnyway", "labelSelector",
          map("matchLabels", selector(plan, name, component)))));
    }
    return map("apiVersion", "apps/v1", "kind", "Deployment", "metadata", meta(plan, name, component), "spec", map(
        "replicas", replicas, "revisionHistoryLimit", 5,
        "strategy", map("type", "RollingUpdate", "rollingUpdate", map("maxUnavailable", 0, "maxSurge", 1)),
        "selector", map("matchLabels", selector(plan, name, component)),
        "template", map("metadata", map("labels", labels(plan, name, component), "annotations", annotations),
            "spec", podSpec)));
  }

  private static Map<String, Object> service(DeploymentPlan plan, String name, String component) {
    return map("apiVersion", "v1", "kind", "Service", "metadata", meta(plan, name, component), "spec", map(
        "type", "ClusterIP", "selector", selector(plan, name, component),
        "ports", List.of(map("name", "http", "port", 80, "targetPort", "http", "protocol", "TCP"))));
  }

  private static Map<String, Object> cronJob(DeploymentPlan plan, String job) {
    String name = cronJobName(plan.pipeline() + "-" + job.replace('_', '-'));
    Map<String, Object> container = map("name", "pipeline", "image", plan.image("pipeline"),
        "imagePullPolicy", "IfNotPresent",
        "args", List.of("dagster", "job", "execute", "-m", plan.pipelineModule(), "-j", job),
        "envFrom", envFrom(plan),
        "resources", map("requests", map("cpu", "500m", "memory", "1Gi"), "limits", map("cpu", "1", "memory",
            "2Gi")),
        "securityContext", containerSecurity(),
        "volumeMounts", List.of(map("name", "tmp", "mountPath", "/tmp")));
    Map<String, Object> labels = labels(plan, name, "pipeline");
    return map("apiVersion", "batch/v1", "kind", "CronJob", "metadata", meta(plan, name, "pipeline"), "spec", map(
        "schedule", plan.cron(), "timeZone", "Etc/UTC", "concurrencyPolicy", "Forbid",
        "successfulJobsHistoryLimit", 3, "failedJobsHistoryLimit", 3, "startingDeadlineSeconds", 600,
        "jobTemplate", map("spec", map("backoffLimit", 2, "template", map("metadata", map("labels", labels,
            "annotations", map("openforge.dev/secret-keys", String.join(",", plan.secretKeys()))),
            "spec", map("restartPolicy", "Never", "automountServiceAccountToken", false,
                "securityContext", podSecurity(), "containers", List.of(container),
                "volumes", List.of(map("name", "tmp", "emptyDir", map("sizeLimit", "1Gi")))))))));
  }

  private static List<Map<String, Object>> networkPolicies(DeploymentPlan plan) {
    Map<String, Object> dns = map("to", List.of(map("namespaceSelector", map("matchLabels",
        map("kubernetes.io/metadata.name", "kube-system")))), "ports", List.of(map("protocol", "UDP", "port", 53),
        map("protocol", "TCP", "port", 53)));
    List<Object> sourcePorts = new ArrayList<>();
    plan.sourcePorts().forEach(p -> sourcePorts.add(map("protocol", "TCP", "port", p)));
    Map<String, Object> sources = map("to", List.of(map("ipBlock", map("cidr", "0.0.0.0/0", "except",
        List.of("169.254.169.254/32")))), "ports", sourcePorts);
    Map<String, Object> fromIngress = map("namespaceSelector", map("matchLabels",
        map("kubernetes.io/metadata.name", INGRESS_NAMESPACE)));
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy", "metadata",
        meta(plan, plan.slug() + "-default-deny", "network"), "spec", map("podSelector", map(),
        "policyTypes", List.of("Ingress", "Egress"))));
    List<Object> apiEgress = new ArrayList<>(List.of(dns));
    if (!sourcePorts.isEmpty()) {
      apiEgress.add(sources);
    }
    out.add(map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy", "metadata",
        meta(plan, plan.api(), "network"), "spec", map(
            "podSelector", map("matchLabels", selector(plan, plan.api(), "api")),
            "policyTypes", List.of("Ingress", "Egress"),
            "ingress", List.of(map("from", List.of(fromIngress, map("podSelector", map("matchLabels",
                selector(plan, plan.ui(), "ui")))), "ports", List.of(map("protocol", "TCP", "port", HTTP_PORT)))),
            "egress", apiEgress)));
    out.add(map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy", "metadata",
        meta(plan, plan.ui(), "network"), "spec", map(
            "podSelector", map("matchLabels", selector(plan, plan.ui(), "ui")),
            "policyTypes", List.of("Ingress", "Egress"),
            "ingress", List.of(map("from", List.of(fromIngress), "ports", List.of(map("protocol", "TCP", "port",
                HTTP_PORT)))),
            "egress", List.of(dns, map("to", List.of(map("podSelector", map("matchLabels",
                selector(plan, plan.api(), "api")))), "ports", List.of(map("protocol", "TCP", "port",
                HTTP_PORT)))))));
    if (!plan.pipelineJobs().isEmpty()) {
      List<Object> ports = new ArrayList<>(sourcePorts);
      if (!plan.sourcePorts().contains(5432)) {
        ports.add(map("protocol", "TCP", "port", 5432));
      }
      out.add(map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy", "metadata",
          meta(plan, plan.pipeline(), "network"), "spec", map(
              "podSelector", map("matchLabels", map("app.kubernetes.io/component", "pipeline",
                  "app.kubernetes.io/part-of", plan.slug())),
              "policyTypes", List.of("Ingress", "Egress"),
              "egress", List.of(dns, map("to", List.of(map("ipBlock", map("cidr", "0.0.0.0/0", "except",
                  List.of("169.254.169.254/32")))), "ports", ports)))));
    }
    return out;
  }
}
