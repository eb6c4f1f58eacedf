package org.openforge.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.CsvRoots;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.JdbcConfig;
import org.openforge.datasource.Secret;
import org.openforge.datasource.SourceType;
import org.openforge.datasource.catalog.Catalogs;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ProfileOptions;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;
import org.openforge.system.OpenForgeProperties;

/**
 * Catalog benchmark (not part of the suite: run by {@code bench/catalog.sh}), on a PostgreSQL database it drops and
 * recreates (BENCH_DB, default openforge_catalog_bench):
 * <ol>
 *   <li>the structure of a generated 1,000-table schema read by {@link Catalogs#describe} (the API's
 *       {@code GET /data-sources/{id}/schema}) against {@code pg_dump --schema-only} of the same schema;</li>
 *   <li>the catalog with profiles ({@link Catalogs#profile}, the API's {@code /catalog}) of a generated
 *       BENCH_ROWS-row table (default 10 million, 12 columns of mixed types with nulls) against one hand-written
 *       aggregate scan: count(*), and count, min and max of every column in one SELECT.</li>
 * </ol>
 * Each measurement is the median of BENCH_REPEAT runs (default 3), baseline and platform alternating. Prints one
 * {@code RESULT|name|measured|baseline|ratio|goal} line per ratio. BENCH_REUSE=1 keeps existing generated data.
 */
class CatalogBench {

  private static final String HOST = env("POSTGRES_HOST", "127.0.0.1");
  private static final String PORT = env("POSTGRES_PORT", "5432");
  private static final String USER = env("POSTGRES_USER", "postgres");
  private static final String PASSWORD = env("POSTGRES_PASSWORD", "");
  private static final String DB = env("BENCH_DB", "openforge_catalog_bench");
  private static final long ROWS = Long.parseLong(env("BENCH_ROWS", "10000000"));
  private static final int TABLES = Integer.parseInt(env("BENCH_TABLES", "1000"));
  private static final int REPEAT = Integer.parseInt(env("BENCH_REPEAT", "3"));
  private static final boolean REUSE = "1".equals(env("BENCH_REUSE", "0"));

  private final Catalogs catalogs = new Catalogs(new CsvRoots(new OpenForgeProperties(true, Path.of("target"),
      Path.of("samples"), new OpenForgeProperties.Admin(null, null, null), new OpenForgeProperties.Demo(false)), ""),
      Clock.systemUTC());

  @Test
  void catalog() throws Exception {
    prepare();
    System.out.printf(Locale.ROOT, "%nCatalog benchmark: %d tables, %,d rows, %d cores, PostgreSQL %s, database %s%n",
        TABLES, ROWS, Runtime.getRuntime().availableProcessors(), scalar("show server_version"), DB);

    DataSourceRecord wide = source("wide");
    SourceCatalog[] last = new SourceCatalog[1];
    double[] structure = measure(
        () -> shell("pg_dump -h " + HOST + " -p " + PORT + " -U " + USER + " --schema-only -n wide " + DB
            + " > /dev/null"),
        () -> last[0] = catalogs.describe(wide));
    SourceCatalog described = last[0];
    long columns = described.tables().stream().mapToLong(t -> t.columns().size()).sum();
    long fks = described.tables().stream().mapToLong(t -> t.foreignKeys().size()).sum();
    System.out.printf(Locale.ROOT, "structure: %d tables, %d columns, %d foreign keys, %d warnings%n",
        described.tables().size(), columns, fks, described.warnings().size());
    if (described.tables().size() != TABLES) {
      throw new AssertionError("the structure lists " + described.tables().size() + " tables, not " + TABLES);
    }
    double noCounts = timed(() -> catalogs.describe(wide, ProfileOptions.defaults().withExactMaxRows(-1, 0)));
    System.out.printf(Locale.ROOT, "structure without exact row counts: %.3f s%n", noCounts);
    result("catalog_structure_1000_tables", structure[1], structure[0], "pg_dump --schema-only", 2.0);

    DataSourceRecord big = source("big");
    double[] profile = measure(() -> aggregateScan(), () -> last[0] = catalogs.profile(big, ProfileOptions.defaults()));
    TableInfo facts = last[0].tables().get(0);
    System.out.printf(Locale.ROOT, "profile: %s, %,d rows (exact %s), %d warnings %s%n", facts.qualifiedName(),
        facts.rowCount(), facts.rowCountExact(), last[0].warnings().size(), last[0].warnings());
    if (!last[0].warnings().isEmpty()) {
      throw new AssertionError("the profile has warnings: " + last[0].warnings());
    }
    for (ColumnInfo c : facts.columns()) {
      var p = c.profile();
      System.out.printf(Locale.ROOT, "  %-12s nulls %,10d distinct %,10d%s min %s max %s top %d %s %s%n", c.name(),
          p.nullCount(), p.distinctCount(), p.distinctApproximate() ? "~" : " ", p.min(), p.max(),
          p.topValues() == null ? 0 : p.topValues().size(), p.semanticType(), p.estimates());
    }
    result("catalog_profile_" + ROWS + "_rows", profile[1], profile[0], "one aggregate scan", 1.5);

    // the same table as if ANALYZE had never run on it: estimates from a TABLESAMPLE instead of pg_stats
    exec("delete from pg_statistic where starelid = 'big.facts'::regclass");
    try {
      double[] sampled = measure(() -> aggregateScan(),
          () -> last[0] = catalogs.profile(big, ProfileOptions.defaults()));
      System.out.println("estimates without pg_stats: "
          + last[0].tables().get(0).columns().stream().map(c -> c.name() + " " + c.profile().distinctCount() + " "
              + c.profile().estimates()).toList());
      result("catalog_profile_" + ROWS + "_rows_without_pg_stats", sampled[1], sampled[0], "one aggregate scan", 1.5);
    } finally {
      exec("analyze big.facts");
    }
  }

  /** count(*), count/min/max of every column (bool_and/bool_or for booleans) in one SELECT, as a person writes it. */
  private static void aggregateScan() throws SQLException {
    List<String> parts = new ArrayList<>(List.of("count(*)"));
    for (String[] c : BIG_COLUMNS) {
      boolean bool = c[1].equals("boolean");
      parts.add("count(" + c[0] + ")");
      parts.add((bool ? "bool_and(" : "min(") + c[0] + ")");
      parts.add((bool ? "bool_or(" : "max(") + c[0] + ")");
    }
    try (Connection c = connect(DB); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select " + String.join(", ", parts) + " from big.facts")) {
      rs.next();
      if (rs.getLong(1) != ROWS) {
        throw new AssertionError("the scan counted " + rs.getLong(1) + " rows");
      }
    }
  }

  /** Name, type, generating expression (g is the row number). */
  private static final String[][] BIG_COLUMNS = {
      {"id", "bigint", "g"},
      {"customer_id", "integer", "case when g % 50 = 0 then null else (g * 7919) % 100003 end"},
      {"amount", "numeric(12,2)", "round(((g * 31) % 100000) * 0.37, 2)"},
      {"qty", "integer", "(g % 17) + 1"},
      {"ratio", "double precision", "case when g % 9 = 0 then null else g / 7.0 end"},
      {"status", "text", "(array['new','paid','shipped','cancelled','returned'])[1 + (g % 5)]"},
      {"email", "varchar(120)", "case when g % 20 = 0 then null else 'user' || (g % 250000) || '@example.com' end"},
      {"note", "text", "case when g % 3 = 0 then null else 'note ' || (g % 1000) end"},
      {"ordered_on", "date", "date '2020-01-01' + (g % 2000)::integer"},
      {"created_at", "timestamp", "timestamp '2020-01-01' + g * interval '1 second'"},
      {"paid", "boolean", "case when g % 7 = 0 then null else g % 2 = 0 end"},
      {"region_code", "char(2)", "(array['US','DE','FR','GB','IT','ES','NL','PL'])[1 + (g % 8)]"},
  };

  private static void prepare() throws Exception {
    if (REUSE && exists() && scalar("select count(*) from big.facts").equals(String.valueOf(ROWS))
        && scalar("select count(*) from pg_tables where schemaname = 'wide'").equals(String.valueOf(TABLES))) {
      System.out.println("reusing the generated data in " + DB);
      return;
    }
    try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
      s.execute("drop database if exists " + DB + " with (force)");
      s.execute("create database " + DB);
    }
    long started = System.nanoTime();
    // 1,000 tables of 8 columns of mixed types, a primary key each, a foreign key to the previous table in every
    // third, a unique constraint in every fifth, an index in every second, 10 rows each
    exec("create schema wide", """
        do $$
        begin
          for i in 1..$TABLES loop
            execute format('create table wide.t%s (id integer primary key, name text not null, code varchar(20), '
              || 'amount numeric(12,2), qty smallint, created_at timestamptz default now(), active boolean, '
              || 'parent_id integer%s%s)', i,
              case when i % 3 = 0 and i > 1 then format(' references wide.t%s', i - 1) else '' end,
              case when i % 5 = 0 then ', unique (code)' else '' end);
            if i % 2 = 0 then
              execute format('create index on wide.t%s (created_at, name)', i);
            end if;
            execute format('insert into wide.t%s (id, name, code, amount, qty, active, parent_id) '
              || 'select g, ''name '' || g, ''C'' || g, g * 1.5, g, g %% 2 = 0, g from generate_series(1, 10) g', i);
          end loop;
        end $$""".replace("$TABLES", String.valueOf(TABLES)));
    System.out.printf(Locale.ROOT, "generated %d tables in %.1f s%n", TABLES, (System.nanoTime() - started) / 1e9);
    started = System.nanoTime();
    StringBuilder create = new StringBuilder("create table big.facts as select ");
    create.append(String.join(", ", Arrays.stream(BIG_COLUMNS).map(c -> "(" + c[2] + ")::" + c[1] + " as " + c[0])
        .toList()));
    create.append(" from generate_series(1::bigint, ").append(ROWS).append(") g");
    // the statistics autovacuum would have gathered on a table of this age (the profile reads pg_stats)
    exec("create schema big", create.toString(), "alter table big.facts add primary key (id)",
        "vacuum analyze big.facts", "vacuum analyze");
    System.out.printf(Locale.ROOT, "generated %,d rows in %.1f s%n", ROWS, (System.nanoTime() - started) / 1e9);
  }

  private interface Work {
    void run() throws Exception;
  }

  /** Median seconds of the baseline and of the platform, alternating, after one warm-up of each. */
  private static double[] measure(Work baseline, Work platform) throws Exception {
    baseline.run();
    platform.run();
    double[] b = new double[REPEAT];
    double[] p = new double[REPEAT];
    for (int i = 0; i < REPEAT; i++) {
      b[i] = timed(baseline);
      p[i] = timed(platform);
    }
    Arrays.sort(b);
    Arrays.sort(p);
    System.out.printf(Locale.ROOT, "runs (s): baseline %s, platform %s%n", Arrays.toString(b), Arrays.toString(p));
    return new double[] {b[REPEAT / 2], p[REPEAT / 2]};
  }

  private static void result(String name, double measured, double baseline, String baselineName, double goal) {
    double ratio = measured / baseline;
    System.out.printf(Locale.ROOT, "%s: %.3f s vs %s %.3f s = %.2fx (goal <= %.1f) %s%n", name, measured,
        baselineName, baseline, ratio, goal, ratio <= goal ? "MET" : "NOT MET");
    System.out.printf(Locale.ROOT, "RESULT|%s|%.3f s|%.3f s|%.2f|<=%.1f%n", name, measured, baseline, ratio, goal);
  }

  private static double timed(Work work) throws Exception {
    long started = System.nanoTime();
    work.run();
    return (System.nanoTime() - started) / 1e9;
  }

  private static DataSourceRecord source(String schema) {
    return new DataSourceRecord("bench-" + schema, "bench " + schema, SourceType.POSTGRESQL, null,
        new JdbcConfig(HOST, Integer.parseInt(PORT), DB, USER, Secret.of(PASSWORD), List.of(schema), Map.of(), null,
            false),
        null, OffsetDateTime.now(), OffsetDateTime.now());
  }

  private static void shell(String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed: " + command);
    }
  }

  private static boolean exists() throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DB + "'")) {
      return rs.next();
    }
  }

  private static String scalar(String sql) throws SQLException {
    try (Connection c = connect(DB); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      return "";
    }
  }

  private static void exec(String... statements) throws SQLException {
    try (Connection c = connect(DB); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER, PASSWORD);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
