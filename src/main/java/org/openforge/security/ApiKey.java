package org.openforge.security;

import java.time.OffsetDateTime;

/**
 * A stored API key: only the SHA-256 of the secret is kept, plus a prefix to recognise it. A product key
 * ({@code product} set, role viewer) reads that data product's API and nothing else.
 */
public record ApiKey(String id, String name, Role role, String keyHash, String keyPrefix, String createdBy,
    OffsetDateTime createdAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt, String product) {

  public boolean active() {
    return revokedAt == null;
  }
}
