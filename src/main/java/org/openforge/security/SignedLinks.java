package org.openforge.security;

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
 * Signatures for links that open something in a browser without an API key (an artifact preview, a dashboard):
 * an HMAC over the subject and the expiry, with a key made at start-up — a link ends after its lifetime or with a
 * restart. Never an API key in a URL.
 */
@Component
public class SignedLinks {

  private final byte[] key = new byte[32];
  private final Clock clock;

  public SignedLinks(Clock clock) {
    new SecureRandom().nextBytes(key);
    this.clock = clock;
  }

  /** A signature of {@code subject} valid until {@code expires} (epoch seconds). */
  public record Signed(String subject, long expires, String signature) {}

  public Signed sign(String subject, Duration lifetime) {
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    return new Signed(subject, expires, signature(subject, expires));
  }

  public boolean valid(String subject, long expires, String signature) {
    if (signature == null || Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
      return false;
    }
    return MessageDigest.isEqual(signature(subject, expires).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String signature(String subject, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal((subject + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
