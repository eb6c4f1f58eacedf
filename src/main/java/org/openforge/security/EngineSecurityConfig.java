package org.openforge.security;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.operaton.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.operaton.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.openforge.process.ProcessIds;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine side of security: Basic auth on the engine REST API and our admin group as engine admins. */
@Configuration
public class EngineSecurityConfig {

  public static final String ENGINE_ADMIN_GROUP = "operaton-admin";

  @Bean
  FilterRegistrationBean<EngineRestAuthFilter> engineRestAuthentication() {
    FilterRegistrationBean<EngineRestAuthFilter> registration = new FilterRegistrationBean<>(new EngineRestAuthFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    registration.setOrder(100);
    return registration;
  }

  @Bean
  ProcessEnginePlugin adminGroupsPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> groups = new ArrayList<>();
        if (configuration.getAdminGroups() != null) {
          groups.addAll(configuration.getAdminGroups());
        }
        for (String group : List.of(ENGINE_ADMIN_GROUP, ProcessIds.GROUP_ADMINS)) {
          if (!groups.contains(group)) {
            groups.add(group);
          }
        }
        configuration.setAdminGroups(groups);
      }
    };
  }
}
