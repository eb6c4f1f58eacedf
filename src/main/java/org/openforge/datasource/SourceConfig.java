package org.openforge.datasource;

import java.util.Map;

/** The validated connection configuration of a data source: {@link JdbcConfig} or {@link CsvConfig}. */
public sealed interface SourceConfig permits JdbcConfig, CsvConfig {

  /** The non-secret part, as stored in {@code data_source.connection_config}. */
  Map<String, Object> stored();

  /** What the API shows: the stored part plus {@code "password": "***"} when a password is set. */
  Map<String, Object> redacted();
}
