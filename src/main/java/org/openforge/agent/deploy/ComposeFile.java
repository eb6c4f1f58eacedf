package org.openforge.agent.deploy;

import static org.openforge.agent.build.BuildJson.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Docker Compose form of the deployment: the data API (replicas and resource limits as asked, no published
 * port), the dashboard (the one published port, on localhost), and the pipeline's Dagster daemon running the
 * schedules. Every container runs as a non-root user with a read-only root file system and no capabilities;
 * credentials are {@code ${VAR:?}} references to the environment or an {@code .env} file, never values.
 */
public final class ComposeFile {

  private ComposeFile() {}

  public static Map<String, Object> generate(DeploymentPlan plan) {
    DeploymentInput in = plan.input();
    Map<String, Object> services = new LinkedHashMap<>();
    Map<String, Object> apiEnv = new LinkedHashMap<>(plan.config());
    plan.secretKeys().forEach(k -> apiEnv.put(k, "${" + k + ":?set " + k + " in the environment or .env}"));
    services.put("api", service(plan.image("api"), apiEnv, in.replicas(), in.cpu(), in.memory(),
        "http://localhost:8080/healthz"));
    Map<String, Object> ui = service(plan.image("ui"), new LinkedHashMap<>(Map.of("DATA_API_URL",
        "http://api:8080/data-api/v1")), 1, "100m", "128Mi", "http://localhost:8080/");
    ui.put("ports", List.of("127.0.0.1:8080:8080"));
    ui.put("depends_on", map("api", map("condition", "service_healthy")));
    services.put("ui", ui);
    if (!plan.pipelineJobs().isEmpty()) {
      Map<String, Object> pipelineEnv = new LinkedHashMap<>(plan.config());
      plan.secretKeys().forEach(k -> pipelineEnv.put(k, "${" + k + ":?set " + k + " in the environment or .env}"));
      Map<String, Object> pipeline = service(plan.image("pipeline"), pipelineEnv, 1, "1", "2Gi", null);
      pipeline.put("command", List.of("dagster-daemon", "run", "-m", plan.pipelineModule()));
      pipeline.put("healthcheck", map("test", List.of("CMD", "dagster-daemon", "liveness-check"), "interval", "60s",
          "timeout", "10s", "retries", 3));
      services.put("pipeline", pipeline);
    }
    return map("name", plan.slug(), "services", services, "networks", map("default", map("name",
        plan.slug())));
  }

  private static Map<String, Object> service(String image, Map<String, Object> environment, int replicas,
      String cpu, String memory, String health) {
    Map<String, Object> s = map("image", image, "restart", "unless-stopped", "user", "10001:10001",
        "read_only", true, "tmpfs", List.of("/tmp"), "cap_drop", List.of("ALL"),
        "security_opt", List.of("no-new-privileges:true"), "environment", environment);
    if (health != null) {
      s.put("healthcheck", map("test", new ArrayList<>(List.of("CMD", "wget", "-q", "-O", "/dev/null", health)),
          "interval", "10s", "timeout", "3s", "retries", 3, "start_period", "20s"));
    }
    s.put("deploy", map("replicas", replicas, "resources", map("limits", map("cpus", Quantities.composeCpus(cpu),
        "memory", Quantities.composeMemory(memory)), "reservations", map("cpus", Quantities.composeCpus(cpu),
        "memory", Quantities.composeMemory(memory)))));
    return s;
  }
}
