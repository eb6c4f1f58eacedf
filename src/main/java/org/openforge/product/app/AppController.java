package org.openforge.product.app;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.openforge.engagement.EngagementService;
import org.openforge.product.ProductNames;
import org.openforge.product.api.DataApiService;
import org.openforge.security.AppSessions;
import org.openforge.security.SignedLinks;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The served dashboard of a data product at {@code /apps/<product>/}: opened by a signed, expiring link, which
 * becomes the page's session (an HttpOnly cookie for this product alone) and is taken out of the address bar; or by a
 * browser logged in to the Operaton webapps (Cockpit, Tasklist, Admin), without a link.
 */
@RestController
public class AppController {

  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final AppSessions sessions;
  private final DataApiService data;
  private final DashboardSpecs specs;
  private final EngagementService engagements;

  public AppController(AppSessions sessions, DataApiService data, DashboardSpecs specs,
      EngagementService engagements) {
    this.sessions = sessions;
    this.data = data;
    this.specs = specs;
    this.engagements = engagements;
  }

  public record DashboardLink(String url, Instant expiresAt) {}

  @GetMapping("/api/v1/engagements/{id}/product/dashboard-link")
  @Operation(summary = "A signed link to the product's dashboard",
      description = "Opens /apps/{product}/ in a browser without an API key until it expires (8 hours).")
  public DashboardLink link(@PathVariable String id) {
    String product = ProductNames.slug(engagements.find(id));
    SignedLinks.Signed signed = sessions.link(product);
    return new DashboardLink("/apps/" + product + "/?expires=" + signed.expires() + "&sig=" + signed.signature(),
        Instant.ofEpochSecond(signed.expires()));
  }

  @Hidden
  @GetMapping("/apps/{product}/")
  public ResponseEntity<String> page(@PathVariable String product, HttpServletRequest request,
      @RequestParam(required = false) Long expires, @RequestParam(required = false) String sig) throws IOException {
    if (expires != null && sig != null) {
      if (!sessions.valid(product, expires, sig)) {
        return denied("This dashboard link has expired or is not valid. Ask for a new link.");
      }
      return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/apps/" + product + "/"))
          .header(HttpHeaders.SET_COOKIE, sessions.cookie(product, expires, sig, request.isSecure()).toString())
          .build();
    }
    if (!sessions.mayOpen(request, product)) {
      return denied("Open this dashboard from its link, or log in to Cockpit or Tasklist first.");
    }
    data.product(product);
    return html(HttpStatus.OK, resource("static/app-runtime/index.html"));
  }

  @Hidden
  @GetMapping(value = "/apps/{product}/spec.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<DashboardSpec> spec(@PathVariable String product, HttpServletRequest request) {
    if (!sessions.mayOpen(request, product)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore())
        .body(specs.of(data.product(product)));
  }

  private ResponseEntity<String> denied(String message) throws IOException {
    return html(HttpStatus.UNAUTHORIZED, resource("static/app-runtime/denied.html")
        .replace("{{message}}", org.springframework.web.util.HtmlUtils.htmlEscape(message)));
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
        .header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer").cacheControl(org.springframework.http.CacheControl.noStore())
        .body(body);
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
