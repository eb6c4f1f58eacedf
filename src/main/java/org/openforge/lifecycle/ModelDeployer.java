package org.openforge.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DeploymentBuilder;
import org.operaton.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models from {@code bpmn/}, {@code dmn/} and {@code forms/} (which Maven puts on the classpath) as the
 * deployment {@code open-forge}, named by their path in the repository ({@code bpmn/phase-design.bpmn}) whether the
 * platform runs from the build or from the jar. Duplicate filtering is on: only changed models get a new version, so
 * a model deployed from a modeler stays the latest until the file in the repository changes.
 */
@Component
public class ModelDeployer {

  public static final String DEPLOYMENT_NAME = "open-forge";
  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repository;
  private final List<String> patterns;

  public ModelDeployer(RepositoryService repository,
      @Value("${openforge.models.patterns:classpath*:bpmn/*.bpmn,classpath*:dmn/*.dmn,classpath*:forms/*.form}")
      List<String> patterns) {
    this.repository = repository;
    this.patterns = patterns;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(-100)
  public void deploy() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source("open-forge")
        .enableDuplicateFiltering(true);
    int count = 0;
    for (String pattern : patterns) {
      String folder = pattern.substring(pattern.indexOf(':') + 1, pattern.lastIndexOf('/'));
      for (Resource resource : resolver.getResources(pattern.trim())) {
        try (InputStream in = resource.getInputStream()) {
          deployment.addInputStream(folder + "/" + resource.getFilename(), in);
          count++;
        }
      }
    }
    if (count == 0) {
      throw new IllegalStateException("no models found on the classpath under " + patterns);
    }
    DeploymentWithDefinitions result = deployment.deployWithResult();
    log.info("Deployed {} models as '{}': {} process and {} decision definitions new or changed", count,
        DEPLOYMENT_NAME, result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size(),
        result.getDeployedDecisionDefinitions() == null ? 0 : result.getDeployedDecisionDefinitions().size());
  }
}
