package org.openforge.security;

import org.operaton.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * HTTP Basic against Operaton identity for {@code /engine-rest}. Only {@code GET /engine} and {@code GET /version}
 * stay open, so that clients and health checks can see which engine answers.
 */
public class EngineRestAuthFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    if ("/version".equals(requestUrl) || "/version/".equals(requestUrl)) {
      return false;
    }
    return super.requiresEngineAuthentication(requestUrl);
  }
}
