package org.openforge.agent.deploy;

import java.util.Locale;
import java.util.Map;
import org.openforge.agent.AgentDeclinedException;

/**
 * The deployment the task asks for ({@code input_data}): environment, deployment type, resources of the data API
 * container (cpu, memory, replicas), autoscaling (min/max replicas, target CPU utilization), and optionally the image
 * repository, namespace, host name and the load test's bounds and target. Values are kept as given — a wrong one is
 * reported by the validation, not corrected.
 */
public record DeploymentInput(String environment, String deploymentType, String cpu, String memory, int replicas,
    int minReplicas, int maxReplicas, int targetCpuUtilization, String imageRepository, String namespace,
    String host, LoadSettings load) {

  /** Bounds of the load test: how long, how many concurrent workers, at most how many requests, the p95 target. */
  public record LoadSettings(int durationSeconds, int concurrency, int maxRequests, Integer targetP95Ms) {

    public static final LoadSettings DEFAULTS = new LoadSettings(3, 4, 400, null);
  }

  public boolean production() {
    return environment.equals("production") || environment.equals("prod");
  }

  public boolean kubernetes() {
    return deploymentType.equals("kubernetes") || deploymentType.equals("k8s");
  }

  /** The platform serves the product itself (the default); Kubernetes and Compose files are then exports. */
  public boolean platform() {
    return deploymentType.equals("platform");
  }

  public static DeploymentInput read(Map<String, Object> input, String slug) {
    String environment = text(input.get("environment"), "staging").toLowerCase(Locale.ROOT);
    String type = text(input.get("deployment_type"), "platform").toLowerCase(Locale.ROOT).replace('-', '_');
    if (!type.matches("platform|kubernetes|k8s|docker_compose|compose|docker")) {
      throw new AgentDeclinedException("input_data.deployment_type '" + input.get("deployment_type")
          + "' is not supported: platform (the default), kubernetes or docker_compose");
    }
    Map<?, ?> resources = map(input.get("resources"));
    Map<?, ?> scaling = map(input.get("scaling"));
    boolean production = environment.startsWith("prod");
    int replicas = integer(resources.get("replicas"), production ? 3 : 2, "resources.replicas");
    int min = integer(scaling.get("min_replicas"), Math.min(replicas, production ? 2 : 1), "scaling.min_replicas");
    int max = integer(scaling.get("max_replicas"), Math.max(replicas, min) * 2, "scaling.max_replicas");
    int target = integer(scaling.get("target_cpu_utilization"), 70, "scaling.target_cpu_utilization");
    Map<?, ?> load = map(input.get("load_test"));
    LoadSettings settings = new LoadSettings(
        Math.max(1, Math.min(30, integer(load.get("duration_seconds"), LoadSettings.DEFAULTS.durationSeconds(),
            "load_test.duration_seconds"))),
        Math.max(1, Math.min(16, integer(load.get("concurrency"), LoadSettings.DEFAULTS.concurrency(),
            "load_test.concurrency"))),
        Math.max(1, Math.min(5000, integer(load.get("max_requests"), LoadSettings.DEFAULTS.maxRequests(),
            "load_test.max_requests"))),
        load.get("target_p95_ms") == null ? null : integer(load.get("target_p95_ms"), 500, "load_test.target_p95_ms"));
    return new DeploymentInput(environment, type.equals("k8s") ? "kubernetes" : type.equals("compose")
        || type.equals("docker") ? "docker_compose" : type, text(resources.get("cpu"), production ? "1" : "500m"),
        text(resources.get("memory"), production ? "1Gi" : "512Mi"), replicas, min, max, target,
        text(input.get("image"), "ghcr.io/open-forge/" + slug), text(input.get("namespace"), slug + "-"
            + (production ? "prod" : environment)), text(input.get("host"), slug + (production ? "" : "-"
            + environment) + ".example.com"), settings);
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String text(Object value, String fallback) {
    return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
  }

  private static int integer(Object value, int fallback, String field) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new AgentDeclinedException("input_data." + field + " must be a whole number, got '" + value + "'");
    }
  }
}
