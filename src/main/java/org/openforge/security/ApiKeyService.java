package org.openforge.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openforge.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes API keys. Keys are random 256-bit secrets; only their SHA-256 is stored. */
@Service
public class ApiKeyService {

  public static final String KEY_PREFIX = "ofk_";
  private static final Duration CACHE_TTL = Duration.ofSeconds(30);
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiKeyRepository keys;
  private final ProductCatalog products;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public ApiKeyService(ApiKeyRepository keys, ProductCatalog products, Clock clock) {
    this.keys = keys;
    this.products = products;
    this.clock = clock;
  }

  /** A created key with its secret, which is shown once and never stored. */
  public record IssuedKey(ApiKey key, String secret) {}

  @Transactional
  public IssuedKey create(String name, Role role, String createdBy) {
    return create(name, role, null, createdBy);
  }

  /** A platform key ({@code product} null) or a read-only product key, which must have the viewer role. */
  @Transactional
  public IssuedKey create(String name, Role role, String product, String createdBy) {
    if (product != null) {
      if (role != Role.VIEWER) {
        throw ApiException.badRequest("a product key is read-only: its role must be viewer, not " + role.value());
      }
      if (!products.exists(product)) {
        throw ApiException.notFound("data product", product);
      }
    }
    String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    return new IssuedKey(store(name, role, product, secret, createdBy), secret);
  }

  /** Stores a key whose secret was chosen elsewhere (the bootstrap key from the environment). */
  @Transactional
  public ApiKey store(String name, Role role, String secret, String createdBy) {
    return store(name, role, null, secret, createdBy);
  }

  private ApiKey store(String name, Role role, String product, String secret, String createdBy) {
    ApiKey key = new ApiKey(UUID.randomUUID().toString(), name, role, hash(secret),
        secret.substring(0, Math.min(12, secret.length())), createdBy, now(), null, null, product);
    keys.insert(key);
    return key;
  }

  public List<ApiKey> list() {
    return keys.findAll();
  }

  @Transactional
  public void revoke(String id) {
    ApiKey key = keys.findById(id).orElseThrow(() -> ApiException.notFound("API key", id));
    if (!key.active()) {
      throw ApiException.conflict("API key '" + id + "' is already revoked");
    }
    keys.revoke(id, now());
    cache.remove(key.keyHash());
  }

  /** The active key of that secret as a caller (a product key's caller names its product). */
  public Optional<Caller> authenticate(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      return Optional.empty();
    }
    String hash = hash(secret);
    Instant now = clock.instant();
    Cached cached = cache.get(hash);
    if (cached == null || cached.expires.isBefore(now)) {
      Optional<ApiKey> key = keys.findByHash(hash).filter(ApiKey::active);
      if (key.isEmpty()) {
        cache.remove(hash);
        return Optional.empty();
      }
      cached = new Cached(key.get(), now.plus(CACHE_TTL), cached == null ? Instant.EPOCH : cached.touched);
      cache.put(hash, cached);
    }
    if (cached.touched.plus(TOUCH_INTERVAL).isBefore(now)) {
      keys.touch(cached.key.id(), now());
      cache.put(hash, new Cached(cached.key, cached.expires, now));
    }
    return Optional.of(new Caller(cached.key.id(), cached.key.name(), cached.key.role(), cached.key.product()));
  }

  public Optional<ApiKey> findBySecret(String secret) {
    return keys.findByHash(hash(secret));
  }

  public boolean anyActiveAdmin() {
    return keys.anyActiveAdmin();
  }

  static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private record Cached(ApiKey key, Instant expires, Instant touched) {}
}
