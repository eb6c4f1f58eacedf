package org.openforge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openforge.system.ApiException;
import org.openforge.system.Problems;
import org.openforge.system.RequestPaths;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every call to {@code /api}, {@code /data} and {@code /actuator} (but health and info) by {@code X-API-Key} or {@code Authorization: Bearer};
 * a dashboard page's calls to its own product's data API by the product's session cookie ({@link AppSessions}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class ApiKeyAuthFilter extends OncePerRequestFilter {

  private final ApiKeyService keys;
  private final Problems problems;
  private final AppSessions appSessions;

  public ApiKeyAuthFilter(ApiKeyService keys, Problems problems, AppSessions appSessions) {
    this.keys = keys;
    this.problems = problems;
    this.appSessions = appSessions;
  }

  /**
   * Everything under /api and /data, and the actuator's endpoints but health and info (Prometheus scrapes with a
   * bearer token), is authenticated, judged on the path the request is routed by.
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !RequestPaths.isApi(request) && !RequestPaths.isGuardedActuator(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String secret = secretOf(request);
    Optional<Caller> dashboard = secret == null ? appSessions.dataCaller(request) : Optional.empty();
    if (dashboard.isPresent()) {
      Caller.bind(request, dashboard.get());
      chain.doFilter(request, response);
      return;
    }
    if (secret == null) {
      problems.write(response, ApiException.unauthorized(
          "missing API key: send X-API-Key: <key> or Authorization: Bearer <key>"), request);
      return;
    }
    Optional<Caller> caller = keys.authenticate(secret);
    if (caller.isEmpty()) {
      problems.write(response, ApiException.unauthorized("the API key is unknown or revoked"), request);
      return;
    }
    if (caller.get().product() != null && !AppSessions.readsDataOf(request, caller.get().product())) {
      problems.write(response, ApiException.forbidden("this key reads the data API of product '"
          + caller.get().product() + "' only (GET /data/v1/" + caller.get().product() + "/...)"), request);
      return;
    }
    Caller.bind(request, caller.get());
    chain.doFilter(request, response);
  }

  static String secretOf(HttpServletRequest request) {
    String key = request.getHeader("X-API-Key");
    if (key != null && !key.isBlank()) {
      return key.trim();
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7).trim();
      return token.isEmpty() ? null : token;
    }
    return null;
  }
}
