package org.openforge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openforge.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** What the models refer to at run time exists in the running platform: delegate beans and deployed forms. */
class ModelWiringTest extends IntegrationTest {

  @Autowired
  private ApplicationContext context;

  @Test
  void everyDelegateExpressionNamesABean() throws IOException {
    List<Path> models = ModelRulesTest.models().toList();
    assertThat(models).isNotEmpty();
    for (Path model : models) {
      assertThat(ModelRulesTest.delegateBeans(model)).as("delegate beans of %s", model)
          .allSatisfy(name -> assertThat(context.containsBean(name)).as("bean %s", name).isTrue());
    }
  }

  @Test
  void everyFormIsDeployedWithTheModels() throws IOException {
    // duplicate filtering: a later deployment holds only what changed, so look at all of them
    List<String> resources = repository.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).list()
        .stream().flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).distinct().toList();
    try (var forms = Files.list(Path.of("forms"))) {
      assertThat(resources).containsAll(forms.map(f -> "forms/" + f.getFileName()).toList());
    }
  }
}
