package org.openforge.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.system.RequestPaths;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.webapp.impl.security.auth.Authentication;
import org.operaton.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.operaton.bpm.webapp.impl.security.auth.Authentications;
import org.operaton.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * A dashboard's browser session: a signed, expiring link to {@code /apps/<product>/} becomes an HttpOnly cookie for
 * that product alone, which the page's calls to its data API ({@code /data/v1/<product>/...}) carry instead of an
 * API key — so no key is ever in a URL or in the page. A browser logged in to the Operaton webapps needs no link.
 */
@Component
public class AppSessions {

  public static final Duration LIFETIME = Duration.ofHours(8);
  private static final Pattern DATA_PATH = Pattern.compile("^/data/v1/([a-z0-9_]+)/.*");

  private final SignedLinks links;
  private final ProcessEngine engine;

  public AppSessions(SignedLinks links, ProcessEngine engine) {
    this.links = links;
    this.engine = engine;
  }

  public SignedLinks.Signed link(String product) {
    return links.sign(subject(product), LIFETIME);
  }

  public boolean valid(String product, long expires, String signature) {
    return links.valid(subject(product), expires, signature);
  }

  /** The session cookie a valid link sets. */
  public ResponseCookie cookie(String product, long expires, String signature, boolean secure) {
    long seconds = Math.max(0, expires - java.time.Instant.now().getEpochSecond());
    return ResponseCookie.from(cookieName(product), expires + "." + signature).httpOnly(true).secure(secure)
        .sameSite("Strict").path("/").maxAge(seconds).build();
  }

  /** Whether the request carries a valid session of the product named in its path. */
  public boolean hasSession(HttpServletRequest request, String product) {
    return cookieOf(request, product).map(value -> {
      int dot = value.indexOf('.');
      try {
        return dot > 0 && valid(product, Long.parseLong(value.substring(0, dot)), value.substring(dot + 1));
      } catch (NumberFormatException e) {
        return false;
      }
    }).orElse(false);
  }

  /**
   * The caller of a data API read made by a dashboard page: it carries that product's session, or the browser is
   * logged in to the Operaton webapps.
   */
  public Optional<Caller> dataCaller(HttpServletRequest request) {
    Matcher m = DATA_PATH.matcher(RequestPaths.of(request));
    if (!m.matches() || !readsDataOf(request, m.group(1))) {
      return Optional.empty();
    }
    if (hasSession(request, m.group(1))) {
      return Optional.of(new Caller(null, "dashboard " + m.group(1), Role.VIEWER, m.group(1)));
    }
    return webappUser(request).map(user -> new Caller(null, "operaton user " + user, Role.VIEWER, m.group(1)));
  }

  /** Whether the request may open the product's dashboard: its session cookie, or a logged-in webapp user. */
  public boolean mayOpen(HttpServletRequest request, String product) {
    return hasSession(request, product) || webappUser(request).isPresent();
  }

  /**
   * The user logged in to Cockpit, Tasklist or Admin in this browser: the webapps keep their login in the HTTP
   * session ({@code Authentications}); any engine user may view dashboards. No session is created here.
   */
  public Optional<String> webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications all = AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth = all == null ? null : all.getAuthenticationForProcessEngine(engine.getName());
    return auth instanceof UserAuthentication user && user.getName() != null ? Optional.of(user.getName())
        : Optional.empty();
  }

  /** Whether the request reads that product's data API: a GET or HEAD under {@code /data/v1/<product>/}. */
  static boolean readsDataOf(HttpServletRequest request, String product) {
    Matcher m = DATA_PATH.matcher(RequestPaths.of(request).replaceAll("/{2,}", "/"));
    return m.matches() && m.group(1).equals(product)
        && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
  }

  private static Optional<String> cookieOf(HttpServletRequest request, String product) {
    if (request.getCookies() == null) {
      return Optional.empty();
    }
    for (Cookie c : request.getCookies()) {
      if (c.getName().equals(cookieName(product))) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  private static String cookieName(String product) {
    return "of_app_" + product;
  }

  private static String subject(String product) {
    return "product:" + product;
  }
}
