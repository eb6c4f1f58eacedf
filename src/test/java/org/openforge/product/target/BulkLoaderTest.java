package org.openforge.product.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openforge.datasource.ScratchDatabases;

/**
 * Loads a real PostgreSQL table (every type the loader maps, nulls, text that needs CSV quoting) into the embedded
 * DuckDB target and into a PostgreSQL target, then checks the copies value by value, and the versioned publish.
 */
class BulkLoaderTest {

  private static final int ROWS = 20_000;
  private static final String SOURCE_SQL = "select * from sales.line order by id";
  private static final String DIGEST = """
      select count(*), count(amount), sum(amount), sum(qty), count(note), sum(length(note)),
        count(distinct note), sum(case when active then 1 else 0 end), min(day), max(day), min(ts), max(ts),
        sum(ratio), count(*) filter (where note = '')
      from %s""";

  private static String sourceDb;
  private static String targetDb;

  @TempDir
  Path dir;

  @BeforeAll
  static void createDatabases() throws SQLException {
    sourceDb = ScratchDatabases.createPostgres("load");
    targetDb = ScratchDatabases.createPostgres("target");
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "create schema sales", """
          create table sales.line (id integer primary key, amount numeric(12,2), qty bigint, ratio double precision,
            active boolean, day date, ts timestamp, note text)""", """
          insert into sales.line
          select g, case when g % 97 = 0 then null else (g * 1.37)::numeric(12,2) end, g % 13, g / 7.0,
            g % 3 = 0, date '2024-01-01' + (g % 400), timestamp '2024-01-01 08:00' + g * interval '17 minutes',
            case when g % 50 = 0 then null when g % 51 = 0 then '' when g % 7 = 0 then 'a, "quoted"' || chr(10) || 'line'
                 else 'note ' || g end
          from generate_series(1, """ + ROWS + ") g");
    }
  }

  @AfterAll
  static void dropDatabases() {
    ScratchDatabases.dropPostgres(sourceDb);
    ScratchDatabases.dropPostgres(targetDb);
  }

  @Test
  void loadsEveryRowAndValueIntoDuckDb() throws SQLException {
    AnalyticalTarget target = AnalyticalTarget.duckDb(dir.resolve("product.duckdb"), "of_sales");
    TableLoad load = loadInto(target, 1);
    assertThat(load.rowsRead()).isEqualTo(ROWS);
    assertThat(load.rowsWritten()).isEqualTo(ROWS);
    assertThat(digest(target, target.versionSchema(1))).isEqualTo(sourceDigest());
  }

  @Test
  void loadsEveryRowAndValueIntoPostgres() throws SQLException {
    AnalyticalTarget target = postgresTarget();
    TableLoad load = loadInto(target, 1);
    assertThat(load.rowsWritten()).isEqualTo(ROWS);
    assertThat(digest(target, target.versionSchema(1))).isEqualTo(sourceDigest());
  }

  @Test
  void aRerunReplacesTheTableAndPublishSwapsVersionsAtomically() throws SQLException {
    for (AnalyticalTarget target : List.of(AnalyticalTarget.duckDb(dir.resolve("swap.duckdb"), "of_swap"), postgresTarget())) {
      loadInto(target, 1);
      loadInto(target, 1);
      try (Connection c = target.open()) {
        assertThat(count(c, target.kind().qualified(target.versionSchema(1), "line"))).isEqualTo(ROWS);
        Publisher.publish(target, c, 1, List.of("line"));
        assertThat(count(c, target.kind().qualified(target.schema(), "line"))).isEqualTo(ROWS);
        assertThat(Publisher.liveVersion(target, c)).isEqualTo(OptionalInt.of(1));
      }
      loadInto(target, 2);
      try (Connection c = target.open()) {
        try (Statement s = c.createStatement()) {
          s.execute("delete from " + target.kind().qualified(target.versionSchema(2), "line") + " where id > 10");
        }
        assertThat(count(c, target.kind().qualified(target.schema(), "line"))).as("v1 still live").isEqualTo(ROWS);
        Publisher.publish(target, c, 2, List.of("line"));
        assertThat(count(c, target.kind().qualified(target.schema(), "line"))).isEqualTo(10);
        assertThat(Publisher.dropVersionsExcept(target, c, java.util.Set.of(1))).isEmpty();
        Publisher.publish(target, c, 1, List.of("line"));
        assertThat(count(c, target.kind().qualified(target.schema(), "line"))).as("rolled back").isEqualTo(ROWS);
        assertThat(Publisher.versions(target, c)).containsExactly(1, 2);
        assertThat(Publisher.dropVersionsExcept(target, c, java.util.Set.of())).as("the live one stays")
            .containsExactly(2);
      }
    }
  }

  @Test
  void aValueThatDoesNotConvertNamesItsColumn() throws SQLException {
    LoadColumn amount = new LoadColumn("amount", ColumnType.DECIMAL, 12, 2);
    assertThatThrownBy(() -> Values.convert("12,5 EUR", amount)).isInstanceOf(SQLException.class)
        .hasMessageContaining("column amount").hasMessageContaining("'12,5 EUR' is not a decimal");
    assertThat(Values.convert("12.345", amount)).isEqualTo(new BigDecimal("12.35"));
  }

  private TableLoad loadInto(AnalyticalTarget target, int version) throws SQLException {
    try (Connection source = ScratchDatabases.postgres(sourceDb); Connection c = target.open()) {
      source.setAutoCommit(false);
      try (Statement s = source.createStatement()) {
        s.setFetchSize(1000);
        try (ResultSet rows = s.executeQuery(SOURCE_SQL)) {
          return BulkLoader.load(rows, target, c, target.versionSchema(version), "line");
        }
      }
    }
  }

  private AnalyticalTarget postgresTarget() {
    return AnalyticalTarget.postgres("jdbc:postgresql://" + ScratchDatabases.PG_HOST + ":" + ScratchDatabases.PG_PORT + "/"
        + targetDb, ScratchDatabases.PG_USER, ScratchDatabases.PG_PASSWORD, "of_sales");
  }

  private static List<String> sourceDigest() throws SQLException {
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      return digest(c, "sales.line");
    }
  }

  private static List<String> digest(AnalyticalTarget target, String schema) throws SQLException {
    try (Connection c = target.open()) {
      return digest(c, target.kind().qualified(schema, "line"));
    }
  }

  /** The same aggregate on both sides, each value as text with numbers normalised. */
  private static List<String> digest(Connection c, String table) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(DIGEST.formatted(table))) {
      rs.next();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        Object v = rs.getObject(i);
        values.add(v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
            .replaceAll("(\\.\\d{6})\\d+", "$1") : String.valueOf(v).replace('T', ' '));
      }
    }
    return values;
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
