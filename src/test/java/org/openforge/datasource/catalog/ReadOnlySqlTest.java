package org.openforge.datasource.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The read-statement check of SourceQueries, and the HyperLogLog sketch's accuracy. */
class ReadOnlySqlTest {

  @Test
  void acceptsOneReadStatement() {
    assertThat(ReadOnlySql.check("select 'it''s; fine' as x ;  -- done")).isEqualTo("select 'it''s; fine' as x");
    assertThat(ReadOnlySql.check("/* hi */ WITH a AS (select 1) select * from a")).startsWith("/* hi */");
    assertThat(ReadOnlySql.check("(select 1) union (select 2)")).isEqualTo("(select 1) union (select 2)");
    assertThat(ReadOnlySql.check("select \"semi;colon\" from t")).isEqualTo("select \"semi;colon\" from t");
  }

  @Test
  void refusesWritesAndSecondStatements() {
    assertThatThrownBy(() -> ReadOnlySql.check("update t set a = 1")).hasMessageContaining("UPDATE");
    assertThatThrownBy(() -> ReadOnlySql.check("select 1; delete from t")).hasMessageContaining("one statement");
    assertThatThrownBy(() -> ReadOnlySql.check("-- select\ninsert into t values (1)")).hasMessageContaining("INSERT");
    assertThatThrownBy(() -> ReadOnlySql.check("select 'open")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> ReadOnlySql.check("  ")).hasMessageContaining("empty");
  }

  @Test
  void refusesWhatHidesASecondStatementOrReachesTheServer() {
    String[] attacks = {
        "select $q$ ' $q$; commit; set session characteristics as transaction read write; commit; "
            + "delete from sales.sales where sale_id <= 10; --'",
        "select $a$ $b$ ; $b$ $a$; delete from t",
        "select E'\\''; delete from t; --'",
        "select 1 /* ; */ ; delete from t",
        "with d as (delete from t returning *) select * from d",
        "select * into backup from t",
        "select * from t for update",
        "select pg_read_file('/etc/passwd')",
        "select lo_export(1, '/tmp/x')",
        "select * from (select pg_terminate_backend(1)) x",
        "select usename, passwd from pg_shadow",
        "select * from pg_catalog.pg_authid",
        "select set_config('default_transaction_read_only', 'off', false)",
        "select nextval('s')",
        "select pg_sleep(10)",
        "select load_file('/etc/passwd')",
        "select * from mysql.user",
        "SELECT \"PG_READ_FILE\"('/etc/passwd')",
        "select sleep(5)",
        "select dblink('x', 'delete from t')",
    };
    for (String attack : attacks) {
      assertThatThrownBy(() -> ReadOnlySql.check(attack)).as(attack).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void acceptsAnalyticQueries() {
    String[] queries = {
        "select region, sum(amount) over (partition by region order by day) from sales",
        "with m as (select date_trunc('month', day) as month, sum(amount)::numeric(12,2) as revenue from sales "
            + "group by 1) select month, revenue, lag(revenue) over (order by month) from m",
        "select coalesce(nullif(trim(name), ''), 'unknown'), count(*) filter (where amount > 0) from t group by 1",
        "select extract(year from day), case when amount > 10 then 'big' else 'small' end, cast(qty as integer) "
            + "from t where email ~ '^[^@]+@' and day >= ?",
        "select count(distinct customer_id), percentile_cont(0.5) within group (order by amount) from sales",
    };
    for (String query : queries) {
      assertThat(ReadOnlySql.check(query)).as(query).isEqualTo(query);
    }
  }

  @Test
  void hyperLogLogIsWithinTwoPercent() {
    HyperLogLog sketch = new HyperLogLog();
    for (int i = 0; i < 200_000; i++) {
      sketch.add("value-" + i);
      sketch.add("value-" + (i / 2));
    }
    assertThat((double) sketch.estimate()).isCloseTo(200_000, org.assertj.core.api.Assertions.within(4_000.0));
    HyperLogLog small = new HyperLogLog();
    for (int i = 0; i < 500; i++) {
      small.add("v" + (i % 50));
    }
    assertThat(small.estimate()).isBetween(49L, 51L);
  }
}
