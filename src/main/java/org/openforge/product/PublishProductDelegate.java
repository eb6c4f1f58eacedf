package org.openforge.product;

import org.openforge.process.ProcessIds;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_PublishProduct} of {@code phase-deploy}: after the deployment sign-off, puts the data product
 * live (or records why there is nothing to put live); writes {@code productPublished} and {@code productVersion}.
 */
@Component("publishProductDelegate")
public class PublishProductDelegate implements JavaDelegate {

  private final ProductService products;

  public PublishProductDelegate(ProductService products) {
    this.products = products;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String engagementId = (String) execution.getVariable(ProcessIds.VAR_ENGAGEMENT_ID);
    ProductService.Publication p = products.publishAfterSignOff(engagementId);
    execution.setVariable("productPublished", p.published());
    execution.setVariable("productVersion", p.version());
    execution.setVariable("productPublication", p.reason());
  }
}
