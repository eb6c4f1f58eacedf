package org.openforge.security;

import org.operaton.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * HTTP Basic against Operaton identity for {@code /engine-rest}. Only {@code GET /engine} and {@code GET /version}
 * stay open, so that clients and health checks can see which engine answers.
 */
public class EngineRestAuthFilter extends ProcessEngineAuthenticationFilter {

  private static final java.util.regex.Pattern OPEN = java.util.regex.Pattern.compile("^/(engine|version)/?$");

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    if (OPEN.matcher(requestUrl).matches()) {
      return false;
    }
    return super.requiresEngineAuthentication(requestUrl);
  }
}
