package org.openforge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openforge.product.target.BulkLoader;
import org.openforge.product.target.TableLoad;
import org.openforge.product.target.AnalyticalTarget;

/**
 * Load benchmark (not part of the suite: run by {@code bench/load.sh}). A generated table of BENCH_ROWS rows
 * (default 10 million) in PostgreSQL is loaded (1) by {@code psql \copy ... to stdout | psql \copy ... from stdin},
 * the baseline, (2) by the platform's loader into a PostgreSQL target (COPY), (3) into the embedded DuckDB target
 * (appender). Prints rows/s of each, the ratios to the baseline, and the peak heap of the loads.
 */
class LoadBench {

  private static final String HOST = env("POSTGRES_HOST", "127.0.0.1");
  private static final String PORT = env("POSTGRES_PORT", "5432");
  private static final String USER = env("POSTGRES_USER", "postgres");
  private static final long ROWS = Long.parseLong(env("BENCH_ROWS", "10000000"));
  private static final String SOURCE = "openforge_bench_source";
  private static final String TARGET = "openforge_bench_target";

  @Test
  void load() throws Exception {
    prepare();
    double baseline = timed(() -> shell("psql -h " + HOST + " -p " + PORT + " -U " + USER + " -d " + SOURCE
        + " -qc '\\copy bench.big to stdout' | psql -h " + HOST + " -p " + PORT + " -U " + USER + " -d " + TARGET
        + " -qc '\\copy baseline.big from stdin'"));
    long copied = count(TARGET, "select count(*) from baseline.big");

    AnalyticalTarget postgres = AnalyticalTarget.postgres(url(TARGET), USER, env("POSTGRES_PASSWORD", ""), "of_bench");
    resetPeaks();
    TableLoad toPostgres = load(postgres);
    long heapPostgres = peakHeap();

    Path dir = Files.createTempDirectory("load-bench");
    AnalyticalTarget duckDb = AnalyticalTarget.duckDb(dir.resolve("bench.duckdb"), "of_bench");
    resetPeaks();
    TableLoad toDuckDb = load(duckDb);
    long heapDuckDb = peakHeap();

    System.out.printf("%nLoad benchmark: %,d rows, %d cores, max heap %d MB%n", ROWS,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("%-44s %12s %10s %14s %8s %10s%n", "load", "rows", "seconds", "rows/s", "ratio", "peak heap");
    row("psql \\copy to stdout | \\copy from stdin", copied, baseline, 1.0, -1);
    row("platform loader -> PostgreSQL (COPY)", toPostgres.rowsWritten(), toPostgres.seconds(),
        baseline / toPostgres.seconds(), heapPostgres);
    row("platform loader -> DuckDB (appender)", toDuckDb.rowsWritten(), toDuckDb.seconds(),
        baseline / toDuckDb.seconds(), heapDuckDb);
    System.out.println("ratio = baseline seconds / loader seconds (goal for PostgreSQL: >= 0.5)");
    if (copied != ROWS || toPostgres.rowsWritten() != ROWS || toDuckDb.rowsWritten() != ROWS) {
      throw new AssertionError("a load lost rows");
    }
  }

  private static TableLoad load(AnalyticalTarget target) throws SQLException {
    try (Connection source = DriverManager.getConnection(url(SOURCE), USER, env("POSTGRES_PASSWORD", ""));
        Connection c = target.open()) {
      source.setAutoCommit(false);
      try (Statement s = source.createStatement()) {
        s.setFetchSize(10_000);
        try (ResultSet rows = s.executeQuery("select * from bench.big")) {
          return BulkLoader.load(rows, target, c, target.versionSchema(1), "big");
        }
      }
    }
  }

  private static void prepare() throws Exception {
    try (Connection admin = DriverManager.getConnection(url("postgres"), USER, env("POSTGRES_PASSWORD", ""));
        Statement s = admin.createStatement()) {
      s.execute("drop database if exists " + TARGET + " with (force)");
      s.execute("create database " + TARGET);
      boolean exists;
      try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + SOURCE + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        s.execute("create database " + SOURCE);
      }
    }
    if (count(SOURCE, "select count(*) from information_schema.tables where table_schema = 'bench'") == 0
        || count(SOURCE, "select count(*) from bench.big") != ROWS) {
      System.out.printf("generating %,d rows...%n", ROWS);
      exec(SOURCE, "drop schema if exists bench cascade", "create schema bench", """
          create table bench.big as select g as id, (g % 10007)::integer as customer_id,
            round((g % 100000) * 0.37, 2)::numeric(12,2) as amount, (g % 17)::integer as qty, g / 7.0::double precision
            as ratio, g % 3 = 0 as active, date '2020-01-01' + (g % 2000)::integer as day,
            timestamp '2020-01-01' + g * interval '1 second' as ts, 'note ' || (g % 1000) as note
          from generate_series(1, """ + ROWS + ") g", "analyze bench.big");
    }
    exec(TARGET, "create schema baseline", "create table baseline.big (id bigint, customer_id integer, "
        + "amount numeric(12,2), qty integer, ratio double precision, active boolean, day date, ts timestamp, "
        + "note text)");
  }

  private static void row(String name, long rows, double seconds, double ratio, long heap) {
    System.out.printf("%-44s %,12d %10.2f %,14.0f %8.2f %10s%n", name, rows, seconds, rows / seconds, ratio,
        heap < 0 ? "(psql)" : (heap >> 20) + " MB");
  }

  private interface Work {
    void run() throws Exception;
  }

  private static double timed(Work work) throws Exception {
    long started = System.nanoTime();
    work.run();
    return (System.nanoTime() - started) / 1e9;
  }

  private static void shell(String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed: " + command);
    }
  }

  private static void resetPeaks() {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  private static long count(String database, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(database), USER, env("POSTGRES_PASSWORD", ""));
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void exec(String database, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(database), USER, env("POSTGRES_PASSWORD", ""));
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
