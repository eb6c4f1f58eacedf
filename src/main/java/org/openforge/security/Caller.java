package org.openforge.security;

import org.openforge.system.ApiException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is calling the public API: the API key's id, name and role, and for a read-only product key the one data
 * product it may read (null: a platform key).
 */
public record Caller(String keyId, String name, Role role, String product) {

  private static final String ATTRIBUTE = Caller.class.getName();
  public static final Caller SYSTEM = new Caller(null, "system", Role.ADMIN);

  public Caller(String keyId, String name, Role role) {
    this(keyId, name, role, null);
  }

  public boolean has(Role required) {
    return product == null && role.includes(required);
  }

  public void require(Role required, String action) {
    if (!has(required)) {
      throw ApiException.forbidden(action + " needs the " + required.value() + " role; this key has " + role.value());
    }
  }

  static void bind(jakarta.servlet.http.HttpServletRequest request, Caller caller) {
    request.setAttribute(ATTRIBUTE, caller);
  }

  /**
   * The caller of the current request; {@link #SYSTEM} only outside any request (jobs, start-up). A request that
   * reached code asking for its caller without having been authenticated is refused, never treated as the system.
   */
  public static Caller current() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes == null) {
      return SYSTEM;
    }
    Object caller = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (caller instanceof Caller c) {
      return c;
    }
    throw ApiException.unauthorized("this request is not authenticated");
  }
}
