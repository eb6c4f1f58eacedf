package org.openforge.product;

import org.openforge.engagement.EngagementRepository;
import org.openforge.security.ProductCatalog;
import org.springframework.stereotype.Component;

/** Answers security's question whether a data product name is one of ours: an engagement's slug. */
@Component
public class KnownProducts implements ProductCatalog {

  private final EngagementRepository engagements;

  public KnownProducts(EngagementRepository engagements) {
    this.engagements = engagements;
  }

  @Override
  public boolean exists(String product) {
    int cut = product.lastIndexOf('_');
    return cut > 0 && engagements.findByIdPrefix(product.substring(cut + 1)).stream()
        .anyMatch(e -> ProductNames.slug(e).equals(product));
  }
}
