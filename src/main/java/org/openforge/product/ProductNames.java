package org.openforge.product;

import java.text.Normalizer;
import java.util.Locale;
import org.openforge.engagement.Engagement;

/**
 * The names a data product goes by: a slug from the engagement's name plus the start of its id (two engagements
 * may share a name; their pipelines, schemas and URLs may not), e.g. {@code sales_analytics_platform_3f2a9c1e}.
 */
public final class ProductNames {

  private static final int MAX_NAME = 40;

  private ProductNames() {}

  public static String slug(Engagement engagement) {
    String ascii = Normalizer.normalize(engagement.name(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String name = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME).replaceAll("_+$", "");
    }
    String id = engagement.id().replace("-", "").toLowerCase(Locale.ROOT);
    return (name.isEmpty() ? "product" : name) + "_" + id.substring(0, Math.min(8, id.length()));
  }

  /** The one schema the platform owns in the target. */
  public static String schema(Engagement engagement) {
    return "of_" + slug(engagement);
  }
}
