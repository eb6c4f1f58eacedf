package org.openforge.datasource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.datasource.catalog.Catalogs;
import org.openforge.datasource.catalog.ProfileOptions;
import org.openforge.datasource.catalog.SourceAccessException;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.AccountPrivileges;
import org.openforge.datasource.catalog.CsvFiles;
import org.openforge.datasource.catalog.TableInfo;
import org.springframework.stereotype.Component;

/**
 * Tests a source for real: connects (5 s connect timeout), reads the server version and counts the tables in scope;
 * for CSV, checks that the files exist, are readable and have a header. Failures are results, never exceptions.
 */
@Component
public class ConnectionTester {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final Catalogs catalogs;
  private final CsvRoots roots;
  private final Clock clock;

  public ConnectionTester(Catalogs catalogs, CsvRoots roots, Clock clock) {
    this.catalogs = catalogs;
    this.roots = roots;
    this.clock = clock;
  }

  /** Connects to the source and reports what it found. */
  public ConnectionTestResult test(DataSourceRecord source) {
    long started = System.nanoTime();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("source_type", source.sourceType().value());
    try {
      String message = source.sourceType().isJdbc() ? jdbc(source, details) : csv(source, details);
      return new ConnectionTestResult(true, message, elapsed(started), details, OffsetDateTime.now(clock));
    } catch (SourceAccessException e) {
      details.put("error", e.getMessage());
      if (e.sqlState() != null) {
        details.put("sql_state", e.sqlState());
      }
      return new ConnectionTestResult(false, e.getMessage(), elapsed(started), details, OffsetDateTime.now(clock));
    }
  }

  private String jdbc(DataSourceRecord source, Map<String, Object> details) {
    JdbcConfig config = source.jdbc();
    details.put("host", config.host());
    details.put("port", config.port());
    details.put("database", config.database());
    SourceCatalog structure = catalogs.describe(source, ProfileOptions.defaults().withStatementTimeout(TIMEOUT)
        .withExactMaxRows(-1, 0));
    List<String> schemas = structure.tables().stream().map(TableInfo::schema).distinct().toList();
    long views = structure.tables().stream().filter(t -> t.kind().contains("view")).count();
    details.put("server_version", structure.serverVersion());
    details.put("schemas", schemas);
    details.put("table_count", structure.tables().size() - views);
    details.put("view_count", views);
    accountWarning(source, details);
    return "Connected to " + structure.serverVersion() + ": " + (structure.tables().size() - views) + " tables and "
        + views + " views" + (schemas.isEmpty() ? "" : " in " + String.join(", ", schemas));
  }

  /** Warns when agents' SQL would be refused (or is allowed by an admin) because the account can do more than read. */
  private static void accountWarning(DataSourceRecord source, Map<String, Object> details) {
    String warning;
    try {
      AccountPrivileges.Verdict verdict = AccountPrivileges.check(source);
      details.put("privileged_account", verdict.privileged());
      if (!verdict.privileged()) {
        return;
      }
      details.put("privileges", verdict.reasons());
      warning = verdict.describe() + (source.jdbc().allowPrivilegedAgentSql()
          ? "; agents may still run SQL on it because an admin set " + JdbcConfig.ALLOW_PRIVILEGED_AGENT_SQL
          : "; agent SQL on this source is refused: connect with an account that can only read");
    } catch (SourceAccessException e) {
      warning = "the account's privileges could not be checked: " + e.getMessage();
    }
    details.put("warnings", List.of(warning));
  }

  private String csv(DataSourceRecord source, Map<String, Object> details) {
    CsvConfig config = source.csv();
    details.put("path", config.path().toString());
    List<Path> files = CsvFiles.list(config, roots);
    if (files.isEmpty()) {
      throw new SourceAccessException("no .csv files in " + config.path());
    }
    List<Map<String, Object>> described = new ArrayList<>();
    long bytes = 0;
    for (Path file : files) {
      try (Reader reader = new InputStreamReader(Files.newInputStream(file), config.encoding())) {
        long size = Files.size(file);
        bytes += size;
        int columns = headerColumns(reader, config.delimiter());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", file.getFileName().toString());
        f.put("bytes", size);
        f.put("columns", columns);
        described.add(f);
      } catch (IOException e) {
        throw new SourceAccessException("cannot read " + file.getFileName() + ": " + e.getMessage());
      }
    }
    details.put("server_version", null);
    details.put("table_count", files.size());
    details.put("total_bytes", bytes);
    details.put("files", described);
    return "Read " + files.size() + " CSV file(s), " + bytes + " bytes";
  }

  private static int headerColumns(Reader reader, char delimiter) throws IOException {
    int columns = 1;
    boolean quoted = false;
    int c;
    while ((c = reader.read()) >= 0) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == delimiter) {
        columns++;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      }
    }
    return columns;
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
