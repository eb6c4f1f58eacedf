package org.openforge.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * The path a request is routed by — decoded, without {@code ;parameters}, normalised — which is what filters must
 * decide on: the raw request URI can be made to look like another path ({@code /api;x/v1/...},
 * {@code /api/%761/...}) while still reaching the same handler.
 */
public final class RequestPaths {

  private static final UrlPathHelper PATHS = new UrlPathHelper();

  static {
    PATHS.setRemoveSemicolonContent(true);
    PATHS.setUrlDecode(true);
  }

  private RequestPaths() {}

  public static String of(HttpServletRequest request) {
    return PATHS.getPathWithinApplication(request);
  }

  /**
   * Whether the request is for an API that needs a key: anything under /api (the platform) or /data (the data
   * products' APIs), however the path is spelled.
   */
  public static boolean isApi(HttpServletRequest request) {
    String path = of(request).replaceAll("/{2,}", "/");
    return path.equals("/api") || path.startsWith("/api/") || path.equals("/data") || path.startsWith("/data/");
  }

  /**
   * Whether the request is for an actuator endpoint that needs a key: all but {@code health} and {@code info}, which
   * load balancers call without one ({@code /actuator/prometheus} reads engine and product state).
   */
  public static boolean isGuardedActuator(HttpServletRequest request) {
    String path = of(request).replaceAll("/{2,}", "/");
    if (!path.equals("/actuator") && !path.startsWith("/actuator/")) {
      return false;
    }
    return !(path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/actuator/info"));
  }
}
