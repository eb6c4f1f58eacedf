package org.openforge.engagement;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed links that open an artifact in a browser without an API key (a UI preview, a report): the signature covers
 * the artifact and the expiry, with a key made at start-up — links end after their lifetime or with a restart.
 */
@Component
public class PreviewLinks {

  public static final Duration LIFETIME = Duration.ofHours(1);
  private final byte[] key = new byte[32];
  private final Clock clock;

  public PreviewLinks(Clock clock) {
    new SecureRandom().nextBytes(key);
    this.clock = clock;
  }

  /** A link's query part for an artifact: {@code expires} (epoch seconds) and {@code sig}. */
  public record Link(String artifactId, long expires, String signature) {
    public String path() {
      return "/preview/artifacts/" + artifactId + "?expires=" + expires + "&sig=" + signature;
    }
  }

  public Link sign(String artifactId) {
    long expires = clock.instant().plus(LIFETIME).getEpochSecond();
    return new Link(artifactId, expires, signature(artifactId, expires));
  }

  public boolean valid(String artifactId, long expires, String signature) {
    if (signature == null || Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
      return false;
    }
    return MessageDigest.isEqual(signature(artifactId, expires).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String signature(String artifactId, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal((artifactId + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
