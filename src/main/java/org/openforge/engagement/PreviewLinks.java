package org.openforge.engagement;

import java.time.Duration;
import org.openforge.security.SignedLinks;
import org.springframework.stereotype.Component;

/**
 * Signed links that open an artifact in a browser without an API key (a UI preview, a report): the signature covers
 * the artifact and the expiry ({@link SignedLinks}).
 */
@Component
public class PreviewLinks {

  public static final Duration LIFETIME = Duration.ofHours(1);
  private final SignedLinks links;

  public PreviewLinks(SignedLinks links) {
    this.links = links;
  }

  /** A link's query part for an artifact: {@code expires} (epoch seconds) and {@code sig}. */
  public record Link(String artifactId, long expires, String signature) {
    public String path() {
      return "/preview/artifacts/" + artifactId + "?expires=" + expires + "&sig=" + signature;
    }
  }

  public Link sign(String artifactId) {
    SignedLinks.Signed signed = links.sign(artifactId, LIFETIME);
    return new Link(artifactId, signed.expires(), signed.signature());
  }

  public boolean valid(String artifactId, long expires, String signature) {
    return links.valid(artifactId, expires, signature);
  }
}
