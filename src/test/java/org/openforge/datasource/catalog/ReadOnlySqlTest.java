package org.openforge.datasource.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openforge.datasource.SourceType;

/** The SQL check of agent queries: every known attack is refused, analytic queries pass. */
class ReadOnlySqlTest {

  private static final SourceType PG = SourceType.POSTGRESQL;
  private static final SourceType MARIADB = SourceType.MARIADB;

  @ParameterizedTest
  @ValueSource(strings = {
      // the reported attack: dollar quoting hides the semicolons from a hand lexer, the driver splits them
      "select $q$ ' $q$; commit; set session characteristics as transaction read write; commit; "
          + "delete from sales.sales where sale_id <= 10; --'",
      "select $q$ ' $q$ as x",
      "select $a$ $b$ ; $b$ $a$ as x",
      "select 'x' $q$",
      "select $1",
      // backslash escapes: E strings (PostgreSQL) and MySQL strings end elsewhere than the parser thinks
      "select E'\\'' ; delete from t; --'",
      "select E'\\'' as x",
      "select 'a\\' , ' , sleep(5) , '' , 'y'",
      "select 'it\\'s' from t",
      // more than one statement
      "select 1; delete from t",
      "select 1; select 2",
      "select 1 /* ; */ ; delete from t",
      // not a SELECT
      "delete from t",
      "update t set a = 1",
      "-- select\ninsert into t values (1)",
      "set transaction read write",
      "commit",
      "copy (select 1) to '/tmp/x'",
      "explain analyze delete from t",
      "do $$ begin delete from t; end $$",
      "call p()",
      "show grants",
      // INTO and locking
      "select x into y from t",
      "select x into outfile '/tmp/x' from t",
      "select x from t into outfile '/tmp/x'",
      "select 1 into @x",
      "select * from t for update",
      "select * from t for share",
      "select * from t for no key update",
      "select * from t for key share skip locked",
      "select * from t lock in share mode",
      // data-modifying CTEs
      "with d as (delete from t returning *) select * from d",
      "with u as (update t set a = 1 returning a) select * from u",
      "with i as (insert into t values (1) returning *) select 1",
      // denied functions, anywhere
      "select pg_read_file('/etc/passwd')",
      "select pg_catalog.pg_read_file('/etc/passwd')",
      "select \"pg_read_file\"('/etc/passwd')",
      "SELECT PG_READ_FILE('/etc/passwd')",
      "select pg_read_binary_file('/etc/passwd')",
      "select * from pg_ls_dir('/')",
      "select lo_export(1, '/tmp/x')",
      "select lo_import('/etc/passwd')",
      "select pg_terminate_backend(1)",
      "select pg_cancel_backend(1)",
      "select set_config('transaction_read_only', 'off', true)",
      "select pg_sleep(10)",
      "select sleep(10)",
      "select benchmark(100000000, md5('x'))",
      "select load_file('/etc/passwd')",
      "select nextval('s')",
      "select setval('s', 1)",
      "select next value for s",
      "select query_to_xml('delete from t', true, true, '')",
      "select * from dblink('host=x', 'delete from t') as r(a int)",
      "select public.my_function(1)",
      "select x from t where x in (select y from u where pg_sleep(1) is null)",
      "select * from t where exists (select 1 from u where u.a = (select max(lo_unlink(1)) from v))",
      "with a as (select pg_read_file('/etc/passwd') as f) select * from a",
      "select * from t1 left join lateral (select pg_read_file('x') from t2) x on true",
      "select sum(x) over (order by pg_backend_pid() + length(pg_read_file('x'))) from t",
      "select case when a > 1 then pg_read_file('x') else '' end from t",
      "select coalesce(a, cast(pg_read_file('x') as int)) from t",
      "select x from t order by pg_sleep(1)",
      "select x from t group by x having max(pg_sleep(1)::text) is null",
      "values (pg_sleep(1))",
      "select 1 union select pg_sleep(1)",
      "select @a := 1",
      // credential catalogs
      "select * from pg_shadow",
      "select passwd from pg_catalog.pg_shadow",
      "select rolpassword from pg_authid",
      "select * from pg_catalog.\"pg_shadow\"",
      "table pg_authid",
      "select * from pg_user_mappings",
      "select * from mysql.user",
      "select * from `mysql`.`user`",
      "select * from mysql.global_priv",
      // optimizer hints are kept by the parser, and PostgreSQL nests comments where the parser does not
      "select /*+ /* */ '*/ , pg_read_file(chr(47)) , /*' as x",
      "select /*+ hint */ 1",
      "select x from t where y = '*/'",
      // not parseable
      "select from where",
      "",
      "   "})
  void refusesOnPostgres(String sql) {
    assertThatThrownBy(() -> ReadOnlySql.check(sql, PG)).isInstanceOf(UnsafeSqlException.class)
        .hasMessageStartingWith("SQL refused: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "select 1 /*! into outfile '/tmp/x' */",
      "select 1 /*M! , load_file('/etc/passwd') */",
      "select 'a\\' , ' , sleep(5) , '' , 'y'",
      "select 1 # comment\n, load_file('/etc/passwd')",
      "select 1 # ' \n, 2 '",
      "select * from mysql.user",
      "select load_file('/etc/passwd')",
      "select x from t into outfile '/tmp/x'",
      "select x from t into dumpfile '/tmp/x'",
      "show grants for root",
      "show variables like 'a'; delete from t",
      "show processlist"})
  void refusesOnMariaDb(String sql) {
    assertThatThrownBy(() -> ReadOnlySql.check(sql, MARIADB)).isInstanceOf(UnsafeSqlException.class);
  }

  @Test
  void explainsWhy() {
    assertThatThrownBy(() -> ReadOnlySql.check("update t set a = 1", PG)).hasMessageContaining("only read statements")
        .hasMessageContaining("UPDATE");
    assertThatThrownBy(() -> ReadOnlySql.check("select 1; delete from t", PG)).hasMessageContaining("one statement");
    assertThatThrownBy(() -> ReadOnlySql.check("with d as (delete from t returning *) select * from d", PG))
        .hasMessageContaining("DELETE");
    assertThatThrownBy(() -> ReadOnlySql.check("select * from t for update", PG)).hasMessageContaining("locking");
    assertThatThrownBy(() -> ReadOnlySql.check("select x into y from t", PG)).hasMessageContaining("INTO");
    assertThatThrownBy(() -> ReadOnlySql.check("select pg_read_file('/etc/passwd')", PG))
        .hasMessageContaining("pg_read_file").hasMessageContaining("server files");
    assertThatThrownBy(() -> ReadOnlySql.check("select my_udf(1)", PG)).hasMessageContaining("allow-list");
    assertThatThrownBy(() -> ReadOnlySql.check("select * from pg_shadow", PG)).hasMessageContaining("pg_shadow");
    assertThatThrownBy(() -> ReadOnlySql.check("select $q$ ' $q$", PG)).hasMessageContaining("could not be parsed");
    assertThatThrownBy(() -> ReadOnlySql.check("select 'x' $q$", PG)).hasMessageContaining("dollar");
    assertThatThrownBy(() -> ReadOnlySql.check("select E'\\''", PG)).hasMessageContaining("backslash");
    assertThatThrownBy(() -> ReadOnlySql.check("  ", PG)).hasMessageContaining("empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "select id, label from items where id > ? order by id",
      "select count(*) as n from items;",
      "select 'it''s; fine' as x ;  -- done",
      "/* hi */ WITH a AS (select 1) select * from a",
      "(select 1) union (select 2)",
      "select 1 union all select 2 except select 3",
      "select \"semi;colon\" from t",
      "select region, sum(amount) over (partition by region order by sold_at rows between 2 preceding and current row)"
          + " as running, row_number() over (order by amount desc) as rn, lag(amount, 1) over w from sales "
          + "window w as (order by sold_at)",
      "with monthly as (select date_trunc('month', sold_at) as m, sum(amount)::numeric as total from sales.sales "
          + "group by 1) select m, total, total - lag(total) over (order by m) as delta from monthly order by m",
      "with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select * from r",
      "select extract(year from sold_at) as y, coalesce(nullif(region, ''), 'none') as r, "
          + "case when amount > 100 then 'big' else 'small' end as size, cast(amount as numeric(10,2)) from sales",
      "select percentile_cont(0.5) within group (order by amount), count(*) filter (where amount > 1), "
          + "string_agg(region, ',' order by region), avg(amount), stddev(amount) from sales",
      "select x->>'a', x -> 'b', jsonb_array_length(x -> 'c') from t",
      "select greatest(a, b), least(a, b), round(avg(a), 2), abs(min(b)) from t group by a, b",
      "select upper(name), lower(name), length(trim(name)), substring(name from 1 for 3), position('a' in name) "
          + "from t",
      "select now() - interval '2 hours', current_date, to_char(d, 'YYYY-MM'), d::date from t",
      "select distinct on (a) a, b from t order by a, b desc nulls last",
      "select * from \"s\".\"t\" tablesample bernoulli (10)",
      "select a$b, \"c$d\" from t",
      "select t.a from t join u on u.id = t.u_id left join v using (id) where t.a between ? and ? and t.b like ?",
      "select cast(t.a as text) ~ ? from t",
      "select cast(t.a as text) !~ ? from t",
      "values (1, 2), (3, 4)",
      "select * from t where x = any(?)",
      "select array(select 1)",
      "select '{1,2}'::int[]",
      "select * from generate_series(1, 10) g",
      "select current_user, r.rolsuper, current_setting('transaction_read_only'), coalesce((select s.ssl from "
          + "pg_stat_ssl s where s.pid = pg_backend_pid()), false), coalesce(host(inet_server_addr()) in "
          + "('127.0.0.1', '::1'), true) from pg_roles r where r.rolname = current_user",
      "select has_table_privilege(current_user, cast(? as regclass), 'INSERT, UPDATE, DELETE, TRUNCATE'), "
          + "pg_get_userbyid(c.relowner) = current_user from pg_class c where c.oid = cast(? as regclass)",
      "select pg_catalog.upper('a')"})
  void acceptsAnalyticQueriesOnPostgres(String sql) {
    String sent = ReadOnlySql.check(sql, PG);
    assertThat(sent).doesNotContain("--").doesNotContain("/*").doesNotEndWith(";");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "select label from items where id = ?",
      "select cast(`country` as char) not regexp binary ? from `regions`",
      "select count(*) as row_count, sum(case when cast(t.`a` as char) regexp binary ? then 1 else 0 end) as v1 "
          + "from `shop`.`items` t",
      "select cast(? as signed), cast(? as decimal(38,10)), cast(? as double), cast(? as datetime)",
      "select current_user(), @@session.transaction_read_only",
      "select json_extract(x, '$.a'), group_concat(x separator ','), ifnull(a, 0), if(a > 1, 'y', 'n') from t",
      "select date_format(d, '%Y-%m'), datediff(a, b), year(d) from t limit 5 offset 2",
      "show grants",
      "show session status like 'Ssl_cipher'"})
  void acceptsQueriesOnMariaDb(String sql) {
    assertThat(ReadOnlySql.check(sql, MARIADB)).isNotBlank();
  }

  @Test
  void sendsTheParsersRenderingWithoutComments() {
    assertThat(ReadOnlySql.check("select 'it''s; fine' as x ;  -- done", PG)).isEqualTo("SELECT 'it''s; fine' AS x");
    assertThat(ReadOnlySql.check("select 1 --1, 2", MARIADB)).isEqualTo("SELECT 1");
    assertThat(ReadOnlySql.check("show grants;", MARIADB)).isEqualTo("show grants");
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
