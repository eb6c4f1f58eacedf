package org.openforge.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.openforge.system.OpenForgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure an admin can reach the API: the key in {@code OPENFORGE_ADMIN_API_KEY}, or — in the embedded
 * default only — a generated key printed once. Other profiles refuse to start without one.
 */
@Component
public class ApiKeyBootstrap {

  static final String NAME = "bootstrap-admin";
  private static final Logger log = LoggerFactory.getLogger(ApiKeyBootstrap.class);

  private final ApiKeyService keys;
  private final OpenForgeProperties properties;

  public ApiKeyBootstrap(ApiKeyService keys, OpenForgeProperties properties) {
    this.keys = keys;
    this.properties = properties;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(10)
  public void ensureAdminKey() {
    String configured = properties.admin().apiKey();
    if (configured != null && !configured.isBlank()) {
      if (configured.length() < 16) {
        throw new IllegalStateException("OPENFORGE_ADMIN_API_KEY must be at least 16 characters long");
      }
      java.util.Optional<ApiKey> known = keys.findBySecret(configured);
      if (known.isEmpty()) {
        keys.store(NAME, Role.ADMIN, configured, "configuration");
        log.info("Registered the admin API key from OPENFORGE_ADMIN_API_KEY");
      } else if (!known.get().active()) {
        // a revoked key stays revoked: configuration does not bring it back
        log.warn("OPENFORGE_ADMIN_API_KEY names a key that was revoked on {}; it is refused. Configure a new one.",
            known.get().revokedAt());
      }
      return;
    }
    if (keys.anyActiveAdmin()) {
      return;
    }
    if (!properties.embedded()) {
      throw new IllegalStateException(
          "No admin API key: set OPENFORGE_ADMIN_API_KEY (at least 16 characters) to bootstrap API access");
    }
    ApiKeyService.IssuedKey issued = keys.create(NAME, Role.ADMIN, "generated");
    Path file = properties.dataDir().resolve("admin-api-key.txt");
    writeQuietly(file, issued.secret());
    log.warn("""

        ======================================================================
         Generated the admin API key (shown once; also saved to {}):
           {}
         Set OPENFORGE_ADMIN_API_KEY to choose your own.
        ======================================================================""", file, issued.secret());
  }

  private static void writeQuietly(Path file, String secret) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, secret + System.lineSeparator());
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: the default permissions stay
      }
    } catch (IOException e) {
      log.warn("Could not save the generated admin API key to {}: {}", file, e.getMessage());
    }
  }
}
