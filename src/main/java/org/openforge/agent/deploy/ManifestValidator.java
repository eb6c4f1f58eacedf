package org.openforge.agent.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import org.openforge.agent.build.pipeline.Cron;

/**
 * Policy rules over Kubernetes manifests and a Docker Compose file, offline. Structure is not checked by hand: each
 * manifest must read back into its fabric8 model class ({@code kubernetes_model}, {@code unknown_kind}) and the
 * Compose file must satisfy the compose-spec JSON Schema ({@code compose_schema}). The rules: names and labels the
 * API server accepts, quantities that parse (fabric8 {@code Quantity}) with requests within limits, probes, pinned
 * image tags, non-root containers, selectors and references that match (Service, HorizontalPodAutoscaler,
 * PodDisruptionBudget, NetworkPolicy, Ingress), autoscaling bounds (min ≤ replicas ≤ max), cron schedules, TLS in
 * production, and credentials never written as values.
 */
public final class ManifestValidator {

  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
  private static final ObjectMapper MODEL = new ObjectMapper();
  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i).*(password|passwd|secret|token|api_?key|private_?key|credential).*");
  private static final Pattern URL_CREDENTIALS = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\\s]+:[^/@\\s]+@");
  private static final Pattern REFERENCE = Pattern.compile("^\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?[-?][^}]*)?}$");

  private ManifestValidator() {}

  /** The issues of a set of Kubernetes documents. */
  public static List<ManifestIssue> kubernetes(List<Map<String, Object>> docs, boolean production) {
    List<ManifestIssue> out = new ArrayList<>();
    String namespace = docs.stream().filter(d -> "Namespace".equals(d.get("kind"))).map(d -> text(d, "metadata.name"))
        .filter(Objects::nonNull).findFirst().orElse(null);
    for (Map<String, Object> d : docs) {
      String kind = text(d, "kind");
      String name = text(d, "metadata.name");
      String object = (kind == null ? "?" : kind) + "/" + (name == null ? "?" : name);
      if (!model(d, object, out) || kind == null) {
        continue;
      }
      if (name == null) {
        out.add(ManifestIssue.error("missing_field", object, "metadata.name", "metadata.name is required"));
      } else if (!DNS_SUBDOMAIN.matcher(name).matches() || name.length() > 253) {
        out.add(ManifestIssue.error("invalid_name", object, "metadata.name", "'" + name
            + "' is not a DNS-1123 name (lower-case letters, digits, '-' and '.')"));
      }
      if (!kind.equals("Namespace") && namespace != null && !namespace.equals(text(d, "metadata.namespace"))) {
        out.add(ManifestIssue.error("namespace_mismatch", object, "metadata.namespace", "is in namespace "
            + text(d, "metadata.namespace") + ", not in " + namespace + " which the manifests create"));
      }
      labels(object, "metadata.labels", map(d, "metadata.labels"), out);
      switch (kind) {
        case "Deployment" -> deployment(d, object, production, out);
        case "Service" -> service(d, object, docs, out);
        case "HorizontalPodAutoscaler" -> hpa(d, object, docs, out);
        case "PodDisruptionBudget" -> pdb(d, object, docs, out);
        case "CronJob" -> {
          if (name != null && name.length() > 52) {
            out.add(ManifestIssue.error("name_too_long", object, "metadata.name", "a CronJob name has at most 52 "
                + "characters (its Jobs' names add 11), this one " + name.length()));
          }
          cronJob(d, object, out);
        }
        case "Ingress" -> ingress(d, object, docs, production, out);
        case "ConfigMap" -> configMap(d, object, out);
        case "Secret" -> {
          if (d.get("data") != null || d.get("stringData") != null) {
            out.add(ManifestIssue.error("secret_values_in_manifests", object, "data", "the manifests hold secret "
                + "values; reference a Secret managed outside them (sealed, external secret store)"));
          }
        }
        default -> { }
      }
    }
    for (Map<String, Object> d : docs) {
      if ("Deployment".equals(d.get("kind"))) {
        Map<String, Object> labels = map(d, "spec.template.metadata.labels");
        boolean covered = docs.stream().filter(p -> "NetworkPolicy".equals(p.get("kind")))
            .anyMatch(p -> subset(map(p, "spec.podSelector.matchLabels"), labels));
        if (!covered) {
          out.add(ManifestIssue.warning("no_network_policy", "Deployment/" + text(d, "metadata.name"),
              "spec.template.metadata.labels", "no NetworkPolicy selects these pods: all traffic is allowed"));
        }
      }
    }
    return out;
  }

  /**
   * Whether the document reads back into its fabric8 model class (kind and apiVersion known, every field of its
   * type); the issue says where it does not.
   */
  private static boolean model(Map<String, Object> d, String object, List<ManifestIssue> out) {
    try {
      KubernetesResource resource = MODEL.convertValue(d, KubernetesResource.class);
      if (resource instanceof GenericKubernetesResource) {
        out.add(ManifestIssue.error("unknown_kind", object, "kind", "no Kubernetes model of kind " + d.get("kind")
            + " in " + d.get("apiVersion")));
        return false;
      }
      return true;
    } catch (IllegalArgumentException e) {
      String path = "";
      String message = e.getMessage();
      if (e.getCause() instanceof JsonMappingException m) {
        path = String.join(".", m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
            : "[" + r.getIndex() + "]").toList()).replace(".[", "[");
        message = m.getOriginalMessage();
      }
      out.add(ManifestIssue.error("kubernetes_model", object, path, "does not read as a Kubernetes object: "
          + message));
      return false;
    }
  }

  private static void deployment(Map<String, Object> d, String object, boolean production, List<ManifestIssue> out) {
    Map<String, Object> selector = map(d, "spec.selector.matchLabels");
    Map<String, Object> labels = map(d, "spec.template.metadata.labels");
    if (selector.isEmpty()) {
      out.add(ManifestIssue.error("missing_field", object, "spec.selector.matchLabels", "a Deployment needs a "
          + "selector"));
    } else if (!subset(selector, labels)) {
      out.add(ManifestIssue.error("selector_mismatch", object, "spec.selector.matchLabels", "the selector "
          + selector + " does not match the pod template's labels " + labels));
    }
    labels(object, "spec.template.metadata.labels", labels, out);
    Object replicas = get(d, "spec.replicas");
    if (production && replicas instanceof Number n && n.intValue() < 2) {
      out.add(ManifestIssue.warning("single_replica", object, "spec.replicas", "one replica in production: no "
          + "availability during restarts"));
    }
    Map<String, Object> pod = map(d, "spec.template.spec");
    containers(pod, object, "spec.template.spec", true, out);
    if (!Boolean.TRUE.equals(get(pod, "securityContext.runAsNonRoot"))
        && list(pod, "containers").stream().anyMatch(c -> !Boolean.TRUE.equals(get(cast(c),
        "securityContext.runAsNonRoot")))) {
      out.add(ManifestIssue.warning("runs_as_root", object, "spec.template.spec.securityContext.runAsNonRoot",
          "containers may run as root"));
    }
  }

  private static void containers(Map<String, Object> pod, String object, String base, boolean probes,
      List<ManifestIssue> out) {
    List<Object> containers = list(pod, "containers");
    if (containers.isEmpty()) {
      out.add(ManifestIssue.error("missing_field", object, base + ".containers", "no containers"));
    }
    for (int i = 0; i < containers.size(); i++) {
      Map<String, Object> c = cast(containers.get(i));
      String path = base + ".containers[" + i + "]";
      image(text(c, "image"), object, path + ".image", out);
      resources(c, object, path, out);
      if (probes) {
        List<String> ports = list(c, "ports").stream().map(p -> text(cast(p), "name")).filter(Objects::nonNull)
            .toList();
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
          Map<String, Object> p = map(c, probe);
          if (p.isEmpty()) {
            out.add(ManifestIssue.error("probe_missing", object, path + "." + probe, "no " + probe));
          } else {
            Object port = get(p, "httpGet.port");
            if (port instanceof String named && !ports.contains(named)) {
              out.add(ManifestIssue.error("probe_port_unknown", object, path + "." + probe + ".httpGet.port",
                  "the probe uses port '" + named + "', which the container does not declare"));
            }
          }
        }
      }
      List<Object> env = list(c, "env");
      for (int e = 0; e < env.size(); e++) {
        Map<String, Object> var = cast(env.get(e));
        secretValue(text(var, "name"), var.get("value"), object, path + ".env[" + e + "]", out);
      }
    }
  }

  private static void image(String image, String object, String path, List<ManifestIssue> out) {
    if (image == null || image.isBlank()) {
      out.add(ManifestIssue.error("missing_field", object, path, "no image"));
      return;
    }
    if (image.contains("@sha256:")) {
      return;
    }
    String last = image.substring(image.lastIndexOf('/') + 1);
    int colon = last.indexOf(':');
    if (colon < 0) {
      out.add(ManifestIssue.error("image_tag_missing", object, path, image + " has no tag: it means latest"));
    } else if (last.substring(colon + 1).equals("latest")) {
      out.add(ManifestIssue.error("image_tag_latest", object, path, image + " uses the tag latest: pin a version"));
    }
  }

  private static void resources(Map<String, Object> c, String object, String path, List<ManifestIssue> out) {
    Map<String, Object> requests = map(c, "resources.requests");
    Map<String, Object> limits = map(c, "resources.limits");
    if (requests.get("cpu") == null || requests.get("memory") == null) {
      out.add(ManifestIssue.error("resources_missing", object, path + ".resources.requests",
          "cpu and memory requests are required"));
    }
    if (limits.get("memory") == null) {
      out.add(ManifestIssue.warning("memory_limit_missing", object, path + ".resources.limits.memory",
          "no memory limit"));
    }
    for (String scope : List.of("requests", "limits")) {
      Map<String, Object> values = scope.equals("requests") ? requests : limits;
      if (values.get("cpu") != null && Quantities.millicores(String.valueOf(values.get("cpu"))).isEmpty()) {
        out.add(ManifestIssue.error("invalid_quantity", object, path + ".resources." + scope + ".cpu",
            "'" + values.get("cpu") + "' is not a CPU quantity (e.g. 2, 0.5, 500m)"));
      }
      if (values.get("memory") != null && Quantities.bytes(String.valueOf(values.get("memory"))).isEmpty()) {
        out.add(ManifestIssue.error("invalid_quantity", object, path + ".resources." + scope + ".memory",
            "'" + values.get("memory") + "' is not a memory quantity (e.g. 4Gi, 512Mi)"));
      }
    }
    for (String resource : List.of("cpu", "memory")) {
      Optional<java.math.BigDecimal> req = quantity(resource, requests.get(resource));
      Optional<java.math.BigDecimal> lim = quantity(resource, limits.get(resource));
      if (req.isPresent() && lim.isPresent() && req.get().compareTo(lim.get()) > 0) {
        out.add(ManifestIssue.error("requests_exceed_limits", object, path + ".resources", "the " + resource
            + " request " + requests.get(resource) + " is above the limit " + limits.get(resource)));
      }
    }
  }

  private static Optional<java.math.BigDecimal> quantity(String resource, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    return resource.equals("cpu") ? Quantities.millicores(value.toString()) : Quantities.bytes(value.toString());
  }

  private static void service(Map<String, Object> d, String object, List<Map<String, Object>> docs,
      List<ManifestIssue> out) {
    Map<String, Object> selector = map(d, "spec.selector");
    if (selector.isEmpty()) {
      out.add(ManifestIssue.error("missing_field", object, "spec.selector", "a Service needs a selector"));
      return;
    }
    Optional<Map<String, Object>> target = deploymentSelectedBy(selector, docs);
    if (target.isEmpty()) {
      out.add(ManifestIssue.error("service_selects_nothing", object, "spec.selector", "no Deployment's pods carry "
          + "the labels " + selector));
      return;
    }
    List<Object> containerPorts = new ArrayList<>();
    for (Object c : list(map(target.get(), "spec.template.spec"), "containers")) {
      for (Object p : list(cast(c), "ports")) {
        containerPorts.add(cast(p).get("name"));
        containerPorts.add(cast(p).get("containerPort"));
      }
    }
    List<Object> ports = list(d, "spec.ports");
    for (int i = 0; i < ports.size(); i++) {
      Object targetPort = cast(ports.get(i)).get("targetPort");
      if (targetPort != null && !containerPorts.contains(targetPort)) {
        out.add(ManifestIssue.error("target_port_unknown", object, "spec.ports[" + i + "].targetPort", "targetPort "
            + targetPort + " is no port of Deployment " + text(target.get(), "metadata.name")));
      }
    }
  }

  private static void hpa(Map<String, Object> d, String object, List<Map<String, Object>> docs,
      List<ManifestIssue> out) {
    String targetName = text(d, "spec.scaleTargetRef.name");
    Optional<Map<String, Object>> target = docs.stream().filter(x -> "Deployment".equals(x.get("kind"))
        && Objects.equals(targetName, text(x, "metadata.name"))).findFirst();
    Object min = get(d, "spec.minReplicas");
    Object max = get(d, "spec.maxReplicas");
    int minimum = min instanceof Number n ? n.intValue() : 1;
    if (!(max instanceof Number)) {
      out.add(ManifestIssue.error("no_autoscaling_range", object, "spec.maxReplicas", "no maxReplicas: the "
          + "autoscaling range is unbounded"));
      return;
    }
    int maximum = ((Number) max).intValue();
    if (minimum < 1) {
      out.add(ManifestIssue.error("invalid_min_replicas", object, "spec.minReplicas", "minReplicas must be at "
          + "least 1"));
    }
    if (minimum > maximum) {
      out.add(ManifestIssue.error("min_exceeds_max", object, "spec", "minReplicas " + minimum + " is above "
          + "maxReplicas " + maximum));
    }
    for (Object metric : list(d, "spec.metrics")) {
      Object utilization = get(cast(metric), "resource.target.averageUtilization");
      if (utilization != null && !(utilization instanceof Number u && u.intValue() >= 1 && u.intValue() <= 100)) {
        out.add(ManifestIssue.error("invalid_target_utilization", object, "spec.metrics", "averageUtilization "
            + utilization + " is not between 1 and 100"));
      }
    }
    if (target.isEmpty()) {
      out.add(ManifestIssue.error("hpa_target_missing", object, "spec.scaleTargetRef", "no Deployment " + targetName
          + " to scale"));
      return;
    }
    Object replicas = get(target.get(), "spec.replicas");
    if (replicas instanceof Number r && (r.intValue() < minimum || r.intValue() > maximum)) {
      out.add(ManifestIssue.error("replicas_outside_range", "Deployment/" + targetName, "spec.replicas",
          "replicas " + r + " is outside the autoscaler's range " + minimum + "–" + maximum));
    }
    for (Object c : list(map(target.get(), "spec.template.spec"), "containers")) {
      if (get(cast(c), "resources.requests.cpu") == null) {
        out.add(ManifestIssue.error("hpa_without_cpu_requests", object, "spec.metrics", "container "
            + text(cast(c), "name") + " of " + targetName + " has no CPU request, so CPU utilization is undefined"));
      }
    }
  }

  private static void pdb(Map<String, Object> d, String object, List<Map<String, Object>> docs,
      List<ManifestIssue> out) {
    Map<String, Object> selector = map(d, "spec.selector.matchLabels");
    Optional<Map<String, Object>> target = deploymentSelectedBy(selector, docs);
    if (target.isEmpty()) {
      out.add(ManifestIssue.error("pdb_selects_nothing", object, "spec.selector.matchLabels", "no Deployment's pods "
          + "carry the labels " + selector));
      return;
    }
    Object minAvailable = get(d, "spec.minAvailable");
    if (minAvailable != null && get(d, "spec.maxUnavailable") != null) {
      out.add(ManifestIssue.error("pdb_both_bounds", object, "spec", "set minAvailable or maxUnavailable, not both"));
    }
    String targetName = text(target.get(), "metadata.name");
    int floor = docs.stream().filter(x -> "HorizontalPodAutoscaler".equals(x.get("kind"))
        && Objects.equals(targetName, text(x, "spec.scaleTargetRef.name")))
        .map(x -> get(x, "spec.minReplicas")).filter(v -> v instanceof Number).map(v -> ((Number) v).intValue())
        .findFirst().orElse(get(target.get(), "spec.replicas") instanceof Number n ? n.intValue() : 1);
    if (minAvailable instanceof Number n && n.intValue() >= floor) {
      out.add(ManifestIssue.error("pdb_blocks_eviction", object, "spec.minAvailable", "minAvailable " + n
          + " is not below the " + floor + " replicas " + targetName + " may run: no pod can ever be evicted"));
    }
  }

  private static void cronJob(Map<String, Object> d, String object, List<ManifestIssue> out) {
    String schedule = text(d, "spec.schedule");
    try {
      Cron.parse(schedule);
    } catch (IllegalArgumentException e) {
      out.add(ManifestIssue.error("invalid_schedule", object, "spec.schedule", e.getMessage()));
    }
    Map<String, Object> pod = map(d, "spec.jobTemplate.spec.template.spec");
    String restart = text(pod, "restartPolicy");
    if (!"Never".equals(restart) && !"OnFailure".equals(restart)) {
      out.add(ManifestIssue.error("invalid_restart_policy", object, "spec.jobTemplate.spec.template.spec"
          + ".restartPolicy", "a Job's pods restart Never or OnFailure, not " + restart));
    }
    containers(pod, object, "spec.jobTemplate.spec.template.spec", false, out);
  }

  private static void ingress(Map<String, Object> d, String object, List<Map<String, Object>> docs,
      boolean production, List<ManifestIssue> out) {
    if (list(d, "spec.tls").isEmpty()) {
      String message = "the Ingress serves plain HTTP: add tls with a certificate secret";
      out.add(production ? ManifestIssue.error("ingress_without_tls", object, "spec.tls", message)
          : ManifestIssue.warning("ingress_without_tls", object, "spec.tls", message));
    }
    List<Object> rules = list(d, "spec.rules");
    for (int r = 0; r < rules.size(); r++) {
      List<Object> paths = list(cast(rules.get(r)), "http.paths");
      for (int p = 0; p < paths.size(); p++) {
        String service = text(cast(paths.get(p)), "backend.service.name");
        Object port = get(cast(paths.get(p)), "backend.service.port.name");
        Optional<Map<String, Object>> svc = docs.stream().filter(x -> "Service".equals(x.get("kind"))
            && Objects.equals(service, text(x, "metadata.name"))).findFirst();
        String path = "spec.rules[" + r + "].http.paths[" + p + "].backend";
        if (svc.isEmpty()) {
          out.add(ManifestIssue.error("ingress_backend_missing", object, path, "no Service " + service));
        } else if (port != null && list(svc.get(), "spec.ports").stream()
            .noneMatch(x -> port.equals(cast(x).get("name")))) {
          out.add(ManifestIssue.error("ingress_port_unknown", object, path, "Service " + service + " has no port "
              + port));
        }
      }
    }
  }

  private static void configMap(Map<String, Object> d, String object, List<ManifestIssue> out) {
    Map<String, Object> data = map(d, "data");
    data.forEach((key, value) -> secretValue(key, value, object, "data." + key, out));
  }

  /** The issues of a Docker Compose document: the compose-spec schema's, then the policy rules. */
  public static List<ManifestIssue> compose(Map<String, Object> compose) {
    List<ManifestIssue> out = new ArrayList<>(ComposeSchema.validate(compose));
    Map<String, Object> services = map(compose, "services");
    if (services.isEmpty()) {
      out.add(ManifestIssue.error("no_services", "compose", "services", "no services: nothing would run"));
    }
    services.forEach((name, raw) -> {
      Map<String, Object> s = cast(raw);
      String object = "compose/" + name;
      image(text(s, "image"), object, "services." + name + ".image", out);
      Object env = s.get("environment");
      if (env instanceof Map<?, ?> m) {
        m.forEach((k, v) -> {
          String value = v == null ? null : v.toString();
          if (value != null && !REFERENCE.matcher(value).matches()) {
            secretValue(String.valueOf(k), value, object, "services." + name + ".environment." + k, out);
          }
        });
      }
      if (s.get("healthcheck") == null) {
        out.add(ManifestIssue.warning("healthcheck_missing", object, "services." + name + ".healthcheck",
            "no healthcheck: dependants cannot wait for it to be ready"));
      }
      String user = text(s, "user");
      if (user == null || user.equals("0") || user.startsWith("0:") || user.equals("root")
          || user.startsWith("root:")) {
        out.add(ManifestIssue.warning("runs_as_root", object, "services." + name + ".user",
            "the container runs as root"));
      }
      Object cpus = get(s, "deploy.resources.limits.cpus");
      if (cpus != null && !cpus.toString().matches("^[0-9]+(\\.[0-9]+)?$")) {
        out.add(ManifestIssue.error("invalid_quantity", object, "services." + name + ".deploy.resources.limits.cpus",
            "'" + cpus + "' is not a number of CPUs"));
      }
      Object memory = get(s, "deploy.resources.limits.memory");
      if (memory != null && Quantities.composeBytes(memory.toString()).isEmpty()) {
        out.add(ManifestIssue.error("invalid_quantity", object, "services." + name
            + ".deploy.resources.limits.memory", "'" + memory + "' is not a memory size (e.g. 4g, 512m)"));
      }
      Object replicas = get(s, "deploy.replicas");
      if (replicas instanceof Number r && r.intValue() > 1) {
        for (Object port : list(s, "ports")) {
          String text = String.valueOf(port);
          if (text.split(":").length >= 2) {
            out.add(ManifestIssue.error("port_conflict", object, "services." + name + ".ports", r + " replicas "
                + "cannot all publish the fixed host port of '" + text + "'"));
          }
        }
      }
      Object depends = s.get("depends_on");
      List<String> targets = depends instanceof Map<?, ?> dm ? dm.keySet().stream().map(String::valueOf).toList()
          : depends instanceof List<?> dl ? dl.stream().map(String::valueOf).toList() : List.of();
      for (String t : targets) {
        if (!services.containsKey(t)) {
          out.add(ManifestIssue.error("unknown_dependency", object, "services." + name + ".depends_on",
              "depends on " + t + ", which is no service"));
        }
      }
    });
    return out;
  }

  private static void secretValue(String key, Object value, String object, String path, List<ManifestIssue> out) {
    if (value == null || value.toString().isEmpty()) {
      return;
    }
    if (key != null && SECRET_NAME.matcher(key).matches()) {
      out.add(ManifestIssue.error("inline_secret", object, path, key + " holds a value in plain text: reference a "
          + "Secret (secretKeyRef) or an environment variable instead"));
    } else if (URL_CREDENTIALS.matcher(value.toString()).find()) {
      out.add(ManifestIssue.error("inline_secret", object, path, "the value is a URL with a user and password"));
    }
  }

  private static void labels(String object, String path, Map<String, Object> labels, List<ManifestIssue> out) {
    labels.forEach((k, v) -> {
      String value = v == null ? "" : v.toString();
      if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
        out.add(ManifestIssue.error("invalid_label", object, path + "." + k, "'" + value + "' is no valid label "
            + "value (at most 63 letters, digits, '-', '_', '.')"));
      }
    });
  }

  private static Optional<Map<String, Object>> deploymentSelectedBy(Map<String, Object> selector,
      List<Map<String, Object>> docs) {
    if (selector.isEmpty()) {
      return Optional.empty();
    }
    return docs.stream().filter(x -> "Deployment".equals(x.get("kind")))
        .filter(x -> subset(selector, map(x, "spec.template.metadata.labels"))).findFirst();
  }

  private static boolean subset(Map<String, Object> part, Map<String, Object> whole) {
    return part.entrySet().stream().allMatch(e -> Objects.equals(String.valueOf(e.getValue()),
        whole.get(e.getKey()) == null ? null : String.valueOf(whole.get(e.getKey()))));
  }

  static Object get(Map<String, Object> doc, String path) {
    Object current = doc;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(part);
    }
    return current;
  }

  static String text(Map<String, Object> doc, String path) {
    Object v = get(doc, path);
    return v == null ? null : v.toString();
  }

  static Map<String, Object> map(Map<String, Object> doc, String path) {
    Object v = get(doc, path);
    return v instanceof Map<?, ?> ? cast(v) : Map.of();
  }

  static List<Object> list(Map<String, Object> doc, String path) {
    Object v = get(doc, path);
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    return List.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }
}
