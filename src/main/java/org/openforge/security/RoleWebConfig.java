package org.openforge.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Role checks ({@link RequiresRole}) on every operation of our REST API. */
@Configuration
public class RoleWebConfig implements WebMvcConfigurer {

  private final RoleInterceptor roles;

  public RoleWebConfig(RoleInterceptor roles) {
    this.roles = roles;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(roles).addPathPatterns("/api/v1/**");
  }
}
