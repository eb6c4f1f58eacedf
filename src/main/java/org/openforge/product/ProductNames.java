package org.openforge.product;

import org.openforge.engagement.Engagement;
import org.openforge.engagement.ProductSlug;

/**
 * The names a data product goes by: a slug from the engagement's name plus the start of its id (two engagements
 * may share a name; their pipelines, schemas and URLs may not), e.g. {@code sales_analytics_platform_3f2a9c1e}.
 */
public final class ProductNames {

  private ProductNames() {}

  public static String slug(Engagement engagement) {
    return ProductSlug.of(engagement);
  }

  /** The one schema the platform owns in the target. */
  public static String schema(Engagement engagement) {
    return "of_" + slug(engagement);
  }
}
