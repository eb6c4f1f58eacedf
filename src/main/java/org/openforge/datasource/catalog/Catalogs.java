package org.openforge.datasource.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openforge.datasource.CsvRoots;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.SqlDialect;
import org.springframework.stereotype.Component;

/**
 * The entry point of the catalog and profiler library, for every source type.
 *
 * <pre>
 * SourceCatalog structure = catalogs.describe(source);                            // tables, columns, keys, rows
 * SourceCatalog full = catalogs.profile(source, ProfileOptions.defaults());      // + profiles and quality
 * </pre>
 *
 * Sources are read through read-only connections with a statement timeout; profiling is pushed down to the
 * database (aggregate queries) and CSV files are streamed with bounded memory. A table that fails to profile keeps
 * its structure and gets a warning; a source that cannot be reached at all throws {@link SourceAccessException}.
 * Get a {@link DataSourceRecord} from {@code org.openforge.datasource.DataSources}.
 */
@Component
public class Catalogs {

  private final CsvRoots roots;
  private final Clock clock;

  public Catalogs(CsvRoots roots, Clock clock) {
    this.roots = roots;
    this.clock = clock;
  }

  /** The structure of a source (tables/files, columns, native and normalized types, keys, row counts). */
  public SourceCatalog describe(DataSourceRecord source) {
    return describe(source, ProfileOptions.defaults());
  }

  /** The structure of a source, limited to {@code options.tables()} and with its statement timeout. */
  public SourceCatalog describe(DataSourceRecord source, ProfileOptions options) {
    return collect(source, options, false);
  }

  /** Structure plus per-column profiles, semantic types and per-table data-quality assessments. */
  public SourceCatalog profile(DataSourceRecord source, ProfileOptions options) {
    return collect(source, options, true);
  }

  private SourceCatalog collect(DataSourceRecord source, ProfileOptions options, boolean profile) {
    long started = System.nanoTime();
    OffsetDateTime at = OffsetDateTime.now(clock);
    List<String> warnings = new ArrayList<>();
    List<TableInfo> tables;
    String version = null;
    if (source.sourceType().isJdbc()) {
      CatalogQueries catalog = SourceConnections.catalog(source.sourceType());
      try (Connection connection = SourceConnections.open(source, options.statementTimeout())) {
        version = SourceConnections.serverVersion(connection);
        tables = JdbcCatalog.read(source, connection, catalog, options, warnings);
        if (profile) {
          JdbcProfiler profiler = new JdbcProfiler(connection, SqlDialect.of(source.sourceType()), catalog,
              options);
          tables = profileAll(source, profiler, tables, warnings);
        }
      } catch (SQLException e) {
        throw ErrorMessages.describe(source, e);
      }
    } else {
      tables = new CsvCatalog(source, roots, options, profile, warnings).read();
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    return new SourceCatalog(source.id(), source.name(), source.sourceType().value(), version, at, ms, profile,
        List.copyOf(tables), List.copyOf(warnings));
  }

  private static List<TableInfo> profileAll(DataSourceRecord source, JdbcProfiler profiler, List<TableInfo> tables,
      List<String> warnings) {
    List<TableInfo> profiled = new ArrayList<>();
    for (TableInfo table : tables) {
      try {
        profiled.add(profiler.profile(table));
      } catch (SQLException e) {
        warnings.add("cannot profile " + table.qualifiedName() + ": " + ErrorMessages.describe(source, e).getMessage());
        profiled.add(table);
      }
    }
    return profiled;
  }
}
