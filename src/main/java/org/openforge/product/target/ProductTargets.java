package org.openforge.product.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openforge.engagement.Engagement;
import org.openforge.product.ProductNames;
import org.openforge.system.OpenForgeProperties;
import org.springframework.stereotype.Component;

/**
 * The target of an engagement's data product. Today the embedded default: a DuckDB file per engagement under the
 * data folder ({@code targets/<slug>.duckdb}), which needs no server and works on every profile.
 */
@Component
public class ProductTargets {

  private final Path folder;

  public ProductTargets(OpenForgeProperties properties) {
    this.folder = properties.dataDir().resolve("targets");
  }

  public AnalyticalTarget of(Engagement engagement) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the target folder " + folder, e);
    }
    return AnalyticalTarget.duckDb(folder.resolve(ProductNames.slug(engagement) + ".duckdb"), ProductNames.schema(engagement));
  }
}
