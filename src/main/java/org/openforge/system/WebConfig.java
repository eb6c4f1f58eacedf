package org.openforge.system;

import java.time.Clock;
import org.openforge.security.RoleInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfig implements WebMvcConfigurer {

  private final RoleInterceptor roles;

  public WebConfig(RoleInterceptor roles) {
    this.roles = roles;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(roles).addPathPatterns("/api/v1/**");
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
