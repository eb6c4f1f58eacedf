package org.openforge.product;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openforge.security.Caller;
import org.openforge.security.RequiresRole;
import org.openforge.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/engagements/{id}/product")
@Tag(name = "Data products", description = "The engagement's deployed data product: version, pipeline, data API, "
    + "dashboard, freshness")
public class ProductController {

  private final ProductService products;

  public ProductController(ProductService products) {
    this.products = products;
  }

  @GetMapping
  @Operation(summary = "The data product", description = "status (not_deployed, active, undeployed), version, target, "
      + "pipeline (key, schedule, active, last_run), data_api, dashboard (a signed link), freshness.")
  public ProductView get(@PathVariable String id) {
    return products.view(id);
  }

  @PostMapping("/deploy")
  @RequiresRole(Role.APPROVER)
  @Operation(summary = "Deploy the product", description = "Makes the newest pipeline version's schedule run and "
      + "serves the published data at a new version. 409 before a successful run.")
  public ProductView deploy(@PathVariable String id) {
    return products.deploy(id, Caller.current());
  }

  @PostMapping("/rollback")
  @RequiresRole(Role.APPROVER)
  @Operation(summary = "Roll back to the previous version", description = "Its data, models, pipeline, data API and "
      + "dashboard together. 409 when there is no previous version.")
  public ProductView rollback(@PathVariable String id) {
    return products.rollback(id, Caller.current());
  }

  @PostMapping("/undeploy")
  @RequiresRole(Role.APPROVER)
  @Operation(summary = "Stop the product", description = "No schedule, no data API, no dashboard; the data stays.")
  public ProductView undeploy(@PathVariable String id) {
    return products.undeploy(id, Caller.current());
  }
}
