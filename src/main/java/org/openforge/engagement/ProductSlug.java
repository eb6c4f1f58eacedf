package org.openforge.engagement;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The name of an engagement's data product: a slug from the engagement's name plus the start of its id (two
 * engagements may share a name; their pipelines, schemas and URLs may not), e.g. {@code sales_analytics_platform_3f2a9c1e}.
 * Here, low, so that agents writing exports (the TSX dashboard's data API address) name the product as the platform
 * serves it; the product feature's {@code ProductNames} is the one the rest uses.
 */
public final class ProductSlug {

  private static final int MAX_NAME = 40;

  private ProductSlug() {}

  public static String of(Engagement engagement) {
    String ascii = Normalizer.normalize(engagement.name(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String name = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME).replaceAll("_+$", "");
    }
    String id = engagement.id().replace("-", "").toLowerCase(Locale.ROOT);
    return (name.isEmpty() ? "product" : name) + "_" + id.substring(0, Math.min(8, id.length()));
  }
}
