package org.openforge.datasource.catalog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openforge.datasource.CsvRoots;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.SqlDialect;
import org.openforge.datasource.JdbcConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read-only access to a source's rows for agents: one read statement with bind parameters, a row limit and a
 * timeout (JDBC sources), or the first rows of a table or CSV file (every source type). Agent SQL is guarded in
 * layers: it must parse as one SELECT calling only allowed functions ({@link ReadOnlySql}); the driver must send it
 * as one statement, in a read-only transaction that is rolled back, under a server-side timeout
 * ({@link ReadOnlyStatement}); and the account must not be privileged unless an admin allowed it on the source
 * ({@link AccountPrivileges}). A refusal is an {@link UnsafeSqlException}, logged at WARN.
 */
@Component
public class SourceQueries {

  private static final Logger log = LoggerFactory.getLogger(SourceQueries.class);

  /** The most rows a call may ask for. */
  public static final int MAX_ROWS = 10_000;
  /** The default timeout of a query. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final CsvRoots roots;
  private final AccountPrivileges privileges = new AccountPrivileges();

  public SourceQueries(CsvRoots roots) {
    this.roots = roots;
  }

  /** Runs one read statement ({@code ?} placeholders bound to {@code params}), returning at most maxRows rows. */
  public QueryResult query(DataSourceRecord source, String sql, List<?> params, int maxRows) {
    return query(source, sql, params, maxRows, DEFAULT_TIMEOUT);
  }

  /** As {@link #query(DataSourceRecord, String, List, int)} with a statement timeout of your choice. */
  public QueryResult query(DataSourceRecord source, String sql, List<?> params, int maxRows, Duration timeout) {
    if (!source.sourceType().isJdbc()) {
      throw new IllegalArgumentException("SQL queries need a postgresql, mysql or mariadb source; use sample() for "
          + "CSV sources");
    }
    int limit = limit(maxRows);
    String statement = guarded(source, sql);
    try (Connection connection = SourceConnections.open(source, timeout)) {
      requireReadOnlyAccount(source, connection);
      return ReadOnlyStatement.run(source, connection, statement, params, limit, timeout);
    } catch (UnsafeSqlException e) {
      log.warn("data source {}: {}", source.id(), e.getMessage());
      throw e;
    } catch (SQLException e) {
      throw ErrorMessages.describe(source, e);
    }
  }

  /** The first maxRows rows of a table ({@code name} or {@code schema.name}) or CSV file (its table name). */
  public QueryResult sample(DataSourceRecord source, String table, int maxRows) {
    int limit = limit(maxRows);
    if (source.sourceType().isJdbc()) {
      SqlDialect dialect = SqlDialect.of(source.sourceType());
      int dot = table.indexOf('.');
      String from = dot < 0 ? dialect.quote(table)
          : dialect.qualified(table.substring(0, dot), table.substring(dot + 1));
      // the platform wrote this statement (a quoted table name), so the account check is not needed; the SQL check
      // still refuses credential catalogs such as pg_authid
      String statement = guarded(source, "select * from " + from);
      try (Connection connection = SourceConnections.open(source, DEFAULT_TIMEOUT)) {
        return ReadOnlyStatement.run(source, connection, statement, List.of(), limit, DEFAULT_TIMEOUT);
      } catch (SQLException e) {
        throw ErrorMessages.describe(source, e);
      }
    }
    long started = System.nanoTime();
    Path file = CsvFiles.list(source.csv(), roots).stream()
        .filter(p -> p.getFileName().toString().replaceFirst("\\.[^.]*$", "").equals(table)).findFirst()
        .orElseThrow(() -> new SourceAccessException("no CSV file for table '" + table + "'"));
    try (CsvParser parser = new CsvParser(new InputStreamReader(Files.newInputStream(file), source.csv().encoding()),
        source.csv().delimiter())) {
      List<String> first = parser.next();
      if (first == null) {
        return new QueryResult(List.of(), List.of(), false, 0);
      }
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < first.size(); i++) {
        columns.add(source.csv().header() ? first.get(i).strip() : "column_" + (i + 1));
      }
      List<List<Object>> rows = new ArrayList<>();
      List<String> record = source.csv().header() ? parser.next() : first;
      while (record != null && rows.size() < limit) {
        rows.add(new ArrayList<>(record));
        record = parser.next();
      }
      return new QueryResult(columns, rows, record != null, (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new SourceAccessException("cannot read " + file.getFileName() + ": " + e.getMessage());
    }
  }

  private String guarded(DataSourceRecord source, String sql) {
    try {
      return ReadOnlySql.check(sql, source.sourceType());
    } catch (UnsafeSqlException e) {
      String excerpt = sql == null ? "" : sql.strip().replaceAll("\\s+", " ");
      log.warn("data source {}: {} [sql: {}]", source.id(), e.getMessage(),
          excerpt.length() > 300 ? excerpt.substring(0, 300) + "..." : excerpt);
      throw e;
    }
  }

  private void requireReadOnlyAccount(DataSourceRecord source, Connection connection) throws SQLException {
    if (source.jdbc().allowPrivilegedAgentSql()) {
      return;
    }
    AccountPrivileges.Verdict verdict = privileges.of(source, connection);
    if (verdict.privileged()) {
      throw new UnsafeSqlException(verdict.describe() + "; connect the source with an account that can only read "
          + "(SELECT grants), or have an admin set connection_config." + JdbcConfig.ALLOW_PRIVILEGED_AGENT_SQL);
    }
  }

  private static int limit(int maxRows) {
    if (maxRows < 1 || maxRows > MAX_ROWS) {
      throw new IllegalArgumentException("maxRows must be between 1 and " + MAX_ROWS);
    }
    return maxRows;
  }
}
