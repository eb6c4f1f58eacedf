package org.openforge.product.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.DataSources;
import org.openforge.datasource.JdbcConfig;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.product.ProductNames;
import org.openforge.system.OpenForgeProperties;
import org.springframework.stereotype.Component;

/**
 * The target of an engagement's data product: a PostgreSQL data source registered with {@code "role": "target"}
 * when the engagement names one, else the embedded default, a DuckDB file per engagement under the data folder
 * ({@code targets/<slug>.duckdb}), which needs no server and works on every profile.
 */
@Component
public class ProductTargets {

  private final Path folder;
  private final EngagementRepository engagements;
  private final DataSources dataSources;

  public ProductTargets(OpenForgeProperties properties, EngagementRepository engagements, DataSources dataSources) {
    this.folder = properties.dataDir().resolve("targets");
    this.engagements = engagements;
    this.dataSources = dataSources;
  }

  public AnalyticalTarget of(Engagement engagement) {
    java.util.Optional<String> target = engagements.target(engagement.id());
    if (target.isPresent()) {
      // a PostgreSQL database registered with role target: the platform writes only its own schema there
      DataSourceRecord source = dataSources.get(target.get());
      JdbcConfig jdbc = source.jdbc();
      return AnalyticalTarget.postgres(jdbc.driverUrl(source.sourceType()), jdbc.username(),
          jdbc.password() == null ? null : jdbc.password().reveal(), ProductNames.schema(engagement));
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the target folder " + folder, e);
    }
    return AnalyticalTarget.duckDb(folder.resolve(ProductNames.slug(engagement) + ".duckdb"), ProductNames.schema(engagement));
  }
}
