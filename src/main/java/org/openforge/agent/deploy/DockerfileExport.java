package org.openforge.agent.deploy;

import java.util.List;

/**
 * A Dockerfile whose image is the Open Forge platform serving this product: the platform jar on the Temurin 17
 * JRE, its data directory as a volume, the product and its target named in the environment, a non-root user, and a
 * health check on the actuator. Credentials (the target's URL with its password, API keys) are left to the run
 * time environment, so the image holds none.
 */
public final class DockerfileExport {

  /** The platform jar as {@code mvn package} names it, copied from the build context. */
  static final String JAR = "target/open-forge-*.jar";
  static final int UID = 10001;

  private DockerfileExport() {}

  /** The Dockerfile's text for the plan's product. */
  public static String generate(DeploymentPlan plan) {
    String schema = plan.config().getOrDefault("TARGET_SCHEMA", "");
    StringBuilder out = new StringBuilder();
    out.append("# syntax=docker/dockerfile:1\n")
        .append("# ").append(plan.title().replace('\n', ' ')).append(": the Open Forge platform serving this ")
        .append("data product (data API, dashboard, pipeline schedule).\n")
        .append("# Build from the platform checkout after `mvn -DskipTests package`:\n")
        .append("#   docker build -f Dockerfile -t ").append(plan.image("platform")).append(" .\n")
        .append("# Run with the secrets in the environment, never in the image:\n")
        .append("#   docker run -p 8080:8080 -e OPENFORGE_ADMIN_API_KEY -e OPENFORGE_SECRET_KEY -v ")
        .append(plan.slug()).append("-data:/data ").append(plan.image("platform")).append("\n")
        .append("# A PostgreSQL database instead of the embedded one: -e SPRING_PROFILES_ACTIVE=postgres")
        .append(" -e POSTGRES_HOST -e POSTGRES_DB -e POSTGRES_USER -e POSTGRES_PASSWORD\n")
        .append("FROM eclipse-temurin:17-jre\n")
        .append("RUN groupadd --system --gid ").append(UID).append(" openforge \\\n")
        .append(" && useradd --system --uid ").append(UID).append(" --gid openforge --home-dir /app ")
        .append("--shell /usr/sbin/nologin openforge \\\n")
        .append(" && mkdir -p /app /data && chown openforge:openforge /data\n")
        .append("WORKDIR /app\n")
        .append("COPY --chown=root:root ").append(JAR).append(" /app/open-forge.jar\n");
    out.append("LABEL org.opencontainers.image.title=\"").append(plan.slug()).append("\" \\\n")
        .append("      org.opencontainers.image.version=\"").append(plan.tag()).append("\" \\\n")
        .append("      dev.openforge.product=\"").append(plan.slug()).append("\" \\\n")
        .append("      dev.openforge.environment=\"").append(plan.input().environment()).append("\"")
        .append(schema.isEmpty() ? "" : " \\\n      dev.openforge.target-schema=\"" + schema + "\"").append('\n');
    // the platform's own settings: its data (embedded database, the product's published versions) on the volume;
    // a PostgreSQL target is chosen at run time (SPRING_PROFILES_ACTIVE=postgres, POSTGRES_HOST, POSTGRES_DB, ...)
    env(out, List.of(
        "OPENFORGE_DATA_DIR=/data",
        "OPENFORGE_DEMO=false",
        "PORT=8080",
        "JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=75\""));
    out.append("VOLUME [\"/data\"]\n")
        .append("EXPOSE 8080\n")
        .append("USER ").append(UID).append(':').append(UID).append('\n')
        .append("HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \\\n")
        .append("  CMD [\"bash\", \"-c\", \"exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0")
        .append("\\\\r\\\\n\\\\r\\\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '\"]\n")
        .append("ENTRYPOINT [\"java\", \"-jar\", \"/app/open-forge.jar\"]\n");
    return out.toString();
  }

  private static void env(StringBuilder out, List<String> values) {
    out.append("ENV ").append(String.join(" \\\n    ", values)).append('\n');
  }
}
