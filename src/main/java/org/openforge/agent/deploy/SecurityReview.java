package org.openforge.agent.deploy;

import org.openforge.datasource.StoredCredentials;
import static org.openforge.agent.build.BuildJson.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.build.SourceInfo;
import org.openforge.agent.build.SourceSet;
import org.openforge.agent.build.TableRef;

/**
 * The security review of a deployment: for every attached source how its credentials are stored and what the
 * platform's connection may do (asked of the database), and for the deployment whether secrets stay out of the
 * manifests, containers run unprivileged and as non-root, network policies restrict traffic, traffic is encrypted,
 * images are pinned, resources are bounded, the data API requires a key, and production deployments need a human
 * approval; and the running product itself ({@link RunningProduct}: what an unauthenticated caller gets over HTTP).
 */
public final class SecurityReview {

  /** The review: its checks and the counts of failures by severity. */
  public record Result(List<SecurityCheck> checks, Map<String, Object> summary) {

    public long count(String severity) {
      return checks.stream().filter(c -> c.failed(severity)).count();
    }
  }

  private final List<SecurityCheck> checks = new ArrayList<>();

  private SecurityReview() {}

  /**
   * @param tablesBySource the bound tables of each source (whose write privileges are checked)
   * @param dataApi the data API's OpenAPI document, null when there is none
   */
  public static Result review(SourceSet sources, StoredCredentials credentials,
      Map<String, List<TableRef>> tablesBySource, List<Map<String, Object>> manifests, Map<String, Object> compose,
      JsonNode dataApi, DeploymentInput input, boolean deploymentApprovals, List<SecurityCheck> running) {
    SecurityReview r = new SecurityReview();
    r.checks.addAll(running);
    for (SourceInfo source : sources.all()) {
      r.source(sources, credentials, source, tablesBySource.getOrDefault(source.id(), List.of()), input);
    }
    r.checks.addAll(deploymentChecks(manifests, compose, input));
    r.dataApi(dataApi);
    if (input.production() && !deploymentApprovals) {
      r.checks.add(SecurityCheck.fail("process.deployment_approval", "process", "Production deployments approved "
          + "by a person", "medium", "the engagement's approval_settings.deployments is false: a production "
          + "deployment needs no human decision", map("environment", input.environment()),
          "set agent_config.approval_settings.deployments to true"));
    } else {
      r.checks.add(SecurityCheck.pass("process.deployment_approval", "process", "Production deployments approved "
          + "by a person", deploymentApprovals ? "deployments need a human approval"
          : "not production (" + input.environment() + ")", map("deployments_approval", deploymentApprovals)));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("checks", r.checks.size());
    summary.put("passed", r.checks.stream().filter(c -> c.status().equals("pass")).count());
    for (String level : List.of("high", "medium", "low")) {
      summary.put(level + "_findings", r.checks.stream().filter(c -> c.failed(level)).count());
    }
    return new Result(List.copyOf(r.checks), summary);
  }

  private void source(SourceSet sources, StoredCredentials credentials, SourceInfo source, List<TableRef> tables,
      DeploymentInput input) {
    String id = "source." + source.name().replaceAll("[^A-Za-z0-9]+", "_").toLowerCase() + ".";
    Map<String, Object> who = map("source_id", source.id(), "source", source.name(), "type", source.sourceType());
    if (!source.jdbc()) {
      checks.add(new SecurityCheck(id + "credentials", "credentials", "Credentials of " + source.name(),
          "not_applicable", "info", "a CSV source has no credentials; the platform reads it from an allowed folder "
          + "only", who, null));
      checks.add(SecurityCheck.pass(id + "read_only", "access", "Read-only access to " + source.name(),
          "CSV files are only read", who));
      return;
    }
    Optional<StoredCredentials.Facts> stored = credentials.of(source.id());
    Map<String, Object> evidence = new LinkedHashMap<>(who);
    stored.ifPresent(f -> {
      evidence.put("secret", f.secret());
      evidence.put("password_in_configuration", f.passwordInConfig());
    });
    if (stored.isEmpty()) {
      checks.add(SecurityCheck.fail(id + "credentials", "credentials", "Credentials of " + source.name()
          + " stored encrypted", "high", "the source's record is missing", evidence, "re-create the data source"));
    } else if (stored.get().secret().equals("plain") || stored.get().passwordInConfig()) {
      checks.add(SecurityCheck.fail(id + "credentials", "credentials", "Credentials of " + source.name()
          + " stored encrypted", "high", "the password is stored in plain text", evidence, "re-create the data "
          + "source so that its password is sealed"));
    } else if (stored.get().secret().equals("none")) {
      checks.add(SecurityCheck.fail(id + "credentials", "credentials", "Credentials of " + source.name()
          + " stored encrypted", "medium", "the source connects without a password (trust or peer "
          + "authentication)", evidence, "give the platform's database user a password"));
    } else {
      checks.add(SecurityCheck.pass(id + "credentials", "credentials", "Credentials of " + source.name()
          + " stored encrypted", "the password is sealed (AES-256-GCM, bound to the source) and never returned by "
          + "the API", evidence));
    }
    SourcePrivileges access = SourcePrivileges.probe(sources, source, tables);
    Map<String, Object> accessEvidence = new LinkedHashMap<>(who);
    accessEvidence.put("user", access.user());
    accessEvidence.put("superuser", access.superuser());
    accessEvidence.put("read_only_session", access.readOnlySession());
    accessEvidence.put("writable_tables", access.writableTables());
    accessEvidence.put("owned_tables", access.ownedTables());
    if (!access.grants().isEmpty()) {
      accessEvidence.put("grants", access.grants());
    }
    if (access.error() != null) {
      checks.add(SecurityCheck.fail(id + "read_only", "access", "Read-only access to " + source.name(), "medium",
          "the access could not be checked: " + access.error(), accessEvidence, "grant the platform's user the "
              + "rights to read its own privileges, or check them by hand"));
      return;
    }
    if (access.superuser()) {
      checks.add(SecurityCheck.fail(id + "read_only", "access", "Read-only access to " + source.name(), "high",
          "the platform connects as " + access.user() + ", a superuser (or a user with global privileges), which "
              + "can lift the read-only session and change any data", accessEvidence, "connect with a dedicated "
              + "role that has only SELECT on the tables the ontology reads"));
    } else if (!access.writableTables().isEmpty() || !access.ownedTables().isEmpty()) {
      checks.add(SecurityCheck.fail(id + "read_only", "access", "Read-only access to " + source.name(), "medium",
          access.user() + " may write or owns " + String.join(", ", union(access.writableTables(),
              access.ownedTables())) + "; the platform's sessions are read-only, but the grant is wider than needed",
          accessEvidence, "revoke INSERT, UPDATE, DELETE and TRUNCATE and use a role that owns nothing"));
    } else {
      checks.add(SecurityCheck.pass(id + "read_only", "access", "Read-only access to " + source.name(),
          access.user() + " can only read the tables the ontology reads", accessEvidence));
    }
    if (!access.readOnlySession()) {
      checks.add(SecurityCheck.fail(id + "session", "access", "Read-only sessions on " + source.name(), "high",
          "the platform's session is not read-only", accessEvidence, "report this: agent sessions must be "
              + "read-only"));
    } else {
      checks.add(SecurityCheck.pass(id + "session", "access", "Read-only sessions on " + source.name(),
          "the platform's sessions are read-only with a statement timeout", accessEvidence));
    }
    Map<String, Object> tlsEvidence = map("source", source.name(), "tls", access.tls(), "loopback",
        access.loopback());
    if (Boolean.TRUE.equals(access.tls())) {
      checks.add(SecurityCheck.pass(id + "tls", "encryption", "Encrypted connection to " + source.name(),
          "the connection uses TLS", tlsEvidence));
    } else if (access.tls() == null) {
      checks.add(SecurityCheck.fail(id + "tls", "encryption", "Encrypted connection to " + source.name(), "low",
          "whether the connection uses TLS could not be read", tlsEvidence, "require TLS in the source's "
              + "connection parameters (sslmode=verify-full)"));
    } else {
      String severity = Boolean.TRUE.equals(access.loopback()) ? "low" : input.production() ? "high" : "medium";
      checks.add(SecurityCheck.fail(id + "tls", "encryption", "Encrypted connection to " + source.name(), severity,
          "the connection is not encrypted" + (Boolean.TRUE.equals(access.loopback()) ? " (a loopback address)"
              : ""), tlsEvidence, "enable TLS on the database and set sslmode=verify-full (PostgreSQL) or "
              + "sslMode=verify-full (MariaDB)"));
    }
  }

  /** The checks of the deployment files alone: secrets, users and privileges, network policies, TLS, images. */
  static List<SecurityCheck> deploymentChecks(List<Map<String, Object>> docs, Map<String, Object> compose,
      DeploymentInput input) {
    SecurityReview r = new SecurityReview();
    r.manifests(docs, compose, input);
    return r.checks;
  }

  private void manifests(List<Map<String, Object>> docs, Map<String, Object> compose, DeploymentInput input) {
    List<String> inline = new ArrayList<>();
    for (ManifestIssue i : ManifestValidator.kubernetes(docs, input.production())) {
      if (i.code().equals("inline_secret") || i.code().equals("secret_values_in_manifests")) {
        inline.add(i.object() + " " + i.path());
      }
    }
    ManifestValidator.compose(compose).stream().filter(i -> i.code().equals("inline_secret"))
        .forEach(i -> inline.add(i.object() + " " + i.path()));
    if (inline.isEmpty()) {
      checks.add(SecurityCheck.pass("deployment.secrets", "secrets", "No secret values in the deployment files",
          "credentials come from a referenced Secret and environment variables", map("secret_refs",
              secretRefs(docs))));
    } else {
      checks.add(SecurityCheck.fail("deployment.secrets", "secrets", "No secret values in the deployment files",
          "high", "secret values are written in the deployment files", map("places", inline), "move them to a "
              + "Secret (secretKeyRef/envFrom) or the environment"));
    }
    List<String> root = new ArrayList<>();
    List<String> privileged = new ArrayList<>();
    List<String> writableRoot = new ArrayList<>();
    for (Map<String, Object> d : docs) {
      Map<String, Object> pod = "CronJob".equals(d.get("kind")) ? ManifestValidator.map(d,
          "spec.jobTemplate.spec.template.spec") : "Deployment".equals(d.get("kind"))
          ? ManifestValidator.map(d, "spec.template.spec") : null;
      if (pod == null) {
        continue;
      }
      boolean podNonRoot = Boolean.TRUE.equals(ManifestValidator.get(pod, "securityContext.runAsNonRoot"));
      Object podUser = ManifestValidator.get(pod, "securityContext.runAsUser");
      for (Object raw : ManifestValidator.list(pod, "containers")) {
        Map<String, Object> c = ManifestValidator.cast(raw);
        String name = d.get("kind") + "/" + ManifestValidator.text(d, "metadata.name") + " " + c.get("name");
        boolean nonRoot = podNonRoot || Boolean.TRUE.equals(ManifestValidator.get(c, "securityContext.runAsNonRoot"));
        Object user = ManifestValidator.get(c, "securityContext.runAsUser") != null
            ? ManifestValidator.get(c, "securityContext.runAsUser") : podUser;
        if (!nonRoot || (user instanceof Number n && n.intValue() == 0)) {
          root.add(name);
        }
        if (!Boolean.FALSE.equals(ManifestValidator.get(c, "securityContext.allowPrivilegeEscalation"))
            || Boolean.TRUE.equals(ManifestValidator.get(c, "securityContext.privileged"))
            || !ManifestValidator.list(c, "securityContext.capabilities.drop").contains("ALL")) {
          privileged.add(name);
        }
        if (!Boolean.TRUE.equals(ManifestValidator.get(c, "securityContext.readOnlyRootFilesystem"))) {
          writableRoot.add(name);
        }
      }
    }
    ManifestValidator.map(compose, "services").forEach((name, raw) -> {
      Map<String, Object> s = ManifestValidator.cast(raw);
      String user = ManifestValidator.text(s, "user");
      if (user == null || user.equals("0") || user.startsWith("0:") || user.startsWith("root")) {
        root.add("compose/" + name);
      }
      if (!ManifestValidator.list(s, "cap_drop").contains("ALL")) {
        privileged.add("compose/" + name);
      }
      if (!Boolean.TRUE.equals(s.get("read_only"))) {
        writableRoot.add("compose/" + name);
      }
    });
    add(root.isEmpty(), "deployment.non_root", "containers", "Containers run as a non-root user", "high",
        "every container runs as user 10001 with runAsNonRoot", "these containers may run as root", root,
        "set runAsNonRoot: true and a non-zero runAsUser (Compose: user)");
    add(privileged.isEmpty(), "deployment.privileges", "containers", "No privilege escalation, capabilities dropped",
        "medium", "allowPrivilegeEscalation is false and all capabilities are dropped",
        "these containers may escalate privileges or keep capabilities", privileged,
        "set allowPrivilegeEscalation: false and capabilities.drop: [ALL] (Compose: cap_drop, no-new-privileges)");
    add(writableRoot.isEmpty(), "deployment.read_only_root", "containers", "Read-only root file systems", "low",
        "root file systems are read-only; /tmp is an emptyDir/tmpfs", "these containers can write their root file "
            + "system", writableRoot, "set readOnlyRootFilesystem: true (Compose: read_only) and mount /tmp");
    List<String> uncovered = new ArrayList<>();
    boolean defaultDeny = false;
    for (Map<String, Object> d : docs) {
      if ("NetworkPolicy".equals(d.get("kind")) && ManifestValidator.map(d, "spec.podSelector").isEmpty()
          && ManifestValidator.list(d, "spec.ingress").isEmpty()) {
        defaultDeny = true;
      }
    }
    for (ManifestIssue i : ManifestValidator.kubernetes(docs, input.production())) {
      if (i.code().equals("no_network_policy")) {
        uncovered.add(i.object());
      }
    }
    add(defaultDeny && uncovered.isEmpty(), "deployment.network_policy", "network", "Network policies restrict "
        + "traffic", "medium", "a default-deny policy and one policy per component", (defaultDeny ? ""
        : "no default-deny policy; ") + (uncovered.isEmpty() ? "" : "no policy selects " + String.join(", ",
        uncovered)), uncovered, "add a default-deny NetworkPolicy and allow only what each component needs");
    List<String> plain = new ArrayList<>();
    for (Map<String, Object> d : docs) {
      if ("Ingress".equals(d.get("kind")) && ManifestValidator.list(d, "spec.tls").isEmpty()) {
        plain.add("Ingress/" + ManifestValidator.text(d, "metadata.name"));
      }
      if ("Service".equals(d.get("kind")) && List.of("LoadBalancer", "NodePort")
          .contains(ManifestValidator.text(d, "spec.type"))) {
        plain.add("Service/" + ManifestValidator.text(d, "metadata.name") + " (exposed without TLS termination)");
      }
    }
    boolean hasIngress = docs.stream().anyMatch(d -> "Ingress".equals(d.get("kind")));
    add(plain.isEmpty() && hasIngress, "deployment.tls", "encryption", "Traffic from users is encrypted (TLS)",
        input.production() ? "high" : "medium", "the Ingress terminates TLS and redirects HTTP to HTTPS",
        hasIngress ? "served without TLS: " + String.join(", ", plain) : "no Ingress terminates TLS", plain,
        "add tls with a certificate secret to the Ingress");
    List<String> unpinned = new ArrayList<>();
    for (ManifestIssue i : ManifestValidator.kubernetes(docs, input.production())) {
      if (i.code().startsWith("image_tag")) {
        unpinned.add(i.object());
      }
    }
    add(unpinned.isEmpty(), "deployment.images", "supply_chain", "Images pinned to a version", "medium",
        "every image has a version tag", "these images float: " + String.join(", ", unpinned), unpinned,
        "tag images with a version or digest");
    List<String> unbounded = new ArrayList<>();
    for (ManifestIssue i : ManifestValidator.kubernetes(docs, input.production())) {
      if (i.code().equals("resources_missing") || i.code().equals("memory_limit_missing")) {
        unbounded.add(i.object());
      }
    }
    add(unbounded.isEmpty(), "deployment.resources", "availability", "Resources requested and limited", "low",
        "every container has requests and a memory limit", "no requests or limits: " + String.join(", ",
            unbounded), unbounded, "set resources.requests and resources.limits");
  }

  private void dataApi(JsonNode api) {
    if (api == null) {
      checks.add(SecurityCheck.fail("data_api.authentication", "authentication", "The data API requires a key",
          "medium", "there is no data API description to review", map(), "run integration_setup first"));
      return;
    }
    boolean scheme = api.path("components").path("securitySchemes").size() > 0;
    boolean required = api.path("security").size() > 0;
    Map<String, Object> evidence = map("security_schemes", scheme, "required_globally", required);
    if (scheme && required) {
      checks.add(SecurityCheck.pass("data_api.authentication", "authentication", "The data API requires a key",
          "every operation requires the X-API-Key header", evidence));
    } else {
      checks.add(SecurityCheck.fail("data_api.authentication", "authentication", "The data API requires a key",
          "high", "the data API's operations need no authentication", evidence, "declare an API key security "
              + "scheme and require it on every operation"));
    }
  }

  private void add(boolean ok, String id, String category, String title, String severity, String passDetail,
      String failDetail, List<String> objects, String recommendation) {
    checks.add(ok ? SecurityCheck.pass(id, category, title, passDetail, map())
        : SecurityCheck.fail(id, category, title, severity, failDetail, map("objects", objects), recommendation));
  }

  private static List<String> secretRefs(List<Map<String, Object>> docs) {
    List<String> refs = new ArrayList<>();
    for (Map<String, Object> d : docs) {
      collectSecretRefs(d, refs);
    }
    return refs.stream().distinct().toList();
  }

  private static void collectSecretRefs(Object node, List<String> refs) {
    if (node instanceof Map<?, ?> m) {
      if (m.get("secretRef") instanceof Map<?, ?> ref && ref.get("name") != null) {
        refs.add(String.valueOf(ref.get("name")));
      }
      m.values().forEach(v -> collectSecretRefs(v, refs));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectSecretRefs(v, refs));
    }
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    b.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }
}
