package org.openforge.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.datasource.catalog.SourceAccessException;
import org.openforge.datasource.catalog.SourceQueries;
import org.openforge.datasource.catalog.UnsafeSqlException;

/** Read-only queries with limits and timeouts, on PostgreSQL and MariaDB; samples of CSV files. */
class SourceQueriesTest {

  private static String pg;
  private static String maria;
  private static final SourceQueries queries = new SourceQueries(ScratchDatabases.roots(Path.of("target/test-data"),
      null));

  @BeforeAll
  static void build() throws Exception {
    pg = ScratchDatabases.createPostgres("queries");
    try (Connection c = ScratchDatabases.postgres(pg)) {
      ScratchDatabases.run(c, "create table items (id int primary key, label text, price numeric(8,2), seen date)",
          "insert into items select g, 'item ' || g, g * 1.25, date '2024-01-01' + g from generate_series(1, 50) g");
    }
    maria = ScratchDatabases.createMariaDb("queries");
    try (Connection c = ScratchDatabases.mariaDb(maria)) {
      ScratchDatabases.run(c, "create table items (id int primary key, label varchar(20))",
          "insert into items select seq, concat('item ', seq) from seq_1_to_50");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(pg);
    ScratchDatabases.dropMariaDb(maria);
  }

  @Test
  void selectsWithParametersAndARowLimit() {
    DataSourceRecord source = ScratchDatabases.postgresSource(pg, null);
    QueryResult result = queries.query(source, "select id, label, price, seen from items where id > ? order by id",
        List.of(40), 5);
    assertThat(result.columns()).containsExactly("id", "label", "price", "seen");
    assertThat(result.rows()).hasSize(5);
    assertThat(result.truncated()).isTrue();
    assertThat(result.rows().get(0)).containsExactly(41L, "item 41", new java.math.BigDecimal("51.25"), "2024-02-11");
    QueryResult all = queries.query(source, "select count(*) as n from items;", List.of(), 10);
    assertThat(all.rows()).containsExactly(List.of(50L));
    assertThat(all.truncated()).isFalse();
  }

  @Test
  void writesAreRefusedByTheCheck() {
    DataSourceRecord source = ScratchDatabases.postgresSource(pg, null);
    assertThatThrownBy(() -> queries.query(source, "delete from items", List.of(), 10))
        .isInstanceOf(UnsafeSqlException.class).hasMessageContaining("only read statements");
    assertThatThrownBy(() -> queries.query(source, "select 1; drop table items", List.of(), 10))
        .isInstanceOf(UnsafeSqlException.class).hasMessageContaining("one statement");
    assertThatThrownBy(() -> queries.query(source, "with gone as (delete from items returning id) select * from gone",
        List.of(), 10)).isInstanceOf(UnsafeSqlException.class).hasMessageContaining("DELETE");
    assertThat(queries.query(source, "select count(*) from items", List.of(), 1).rows()).containsExactly(List.of(50L));
  }

  @Test
  void longQueriesAreStoppedByTheStatementTimeout() {
    DataSourceRecord source = ScratchDatabases.postgresSource(pg, null);
    long started = System.nanoTime();
    assertThatThrownBy(() -> queries.query(source, "select count(*) from generate_series(1, 100000) a, "
        + "generate_series(1, 100000) b", List.of(), 1, Duration.ofSeconds(1)))
        .isInstanceOf(SourceAccessException.class).hasMessageContaining("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void mariaDbSessionsAreReadOnly() {
    DataSourceRecord source = ScratchDatabases.mariaDbSource(maria);
    assertThat(queries.query(source, "select label from items where id = ?", List.of(7), 10).rows())
        .containsExactly(List.of("item 7"));
    assertThat(queries.sample(source, "items", 3).rows()).hasSize(3);
    assertThatThrownBy(() -> queries.query(source, "select * from items for update", List.of(), 10))
        .isInstanceOf(UnsafeSqlException.class);
    assertThatThrownBy(() -> queries.query(source, "select sleep(5)", List.of(), 1, Duration.ofSeconds(1)))
        .isInstanceOf(UnsafeSqlException.class);
    assertThatThrownBy(() -> queries.query(source, "select count(*) from seq_1_to_100000 a, seq_1_to_100000 b",
        List.of(), 1, Duration.ofSeconds(1))).isInstanceOf(SourceAccessException.class);
  }

  @Test
  void samplesCsvFiles() {
    DataSourceRecord source = ScratchDatabases.csvSource(Path.of("samples/sales"));
    QueryResult rows = queries.sample(source, "regions", 3);
    assertThat(rows.columns()).containsExactly("region_code", "name", "country", "manager");
    assertThat(rows.rows()).hasSize(3);
    assertThat(rows.truncated()).isTrue();
    assertThatThrownBy(() -> queries.query(source, "select 1", List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
