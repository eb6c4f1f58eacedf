package org.openforge.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.catalog.Catalogs;
import org.openforge.datasource.catalog.ReadOnlyStatement;
import org.openforge.datasource.catalog.SourceAccessException;
import org.openforge.datasource.catalog.SourceConnections;
import org.openforge.datasource.catalog.SourceQueries;
import org.openforge.datasource.catalog.UnsafeSqlException;

/**
 * Attacks on agent SQL against real PostgreSQL and MariaDB, through {@link SourceQueries#query} (what the
 * execute_sql tool calls), as the server's admin user with agent SQL allowed (the worst case): every attack is
 * refused and afterwards the rows, the sequence and the file system are as they were. Then each lower layer on its
 * own, with the SQL check bypassed, and the refusal of privileged accounts.
 */
class AgentSqlAttackTest {

  private static final SourceQueries queries = new SourceQueries(ScratchDatabases.roots(Path.of("target/test-data"),
      null));
  private static String pg;
  private static String maria;
  private static String suffix;

  @BeforeAll
  static void build() throws Exception {
    pg = ScratchDatabases.createPostgres("attack");
    suffix = pg.substring(pg.lastIndexOf('_') + 1);
    try (Connection c = ScratchDatabases.postgres(pg)) {
      ScratchDatabases.run(c, "create schema sales",
          "create table sales.sales (sale_id serial primary key, amount numeric(8,2))",
          "insert into sales.sales (amount) select g * 1.5 from generate_series(1, 50) g",
          "create role " + role("reader") + " login password '" + password() + "'",
          "create role " + role("files") + " login password '" + password() + "' in role pg_read_server_files");
      for (String r : List.of(role("reader"), role("files"))) {
        ScratchDatabases.run(c, "grant connect on database " + pg + " to " + r, "grant usage on schema sales to " + r,
            "grant select on all tables in schema sales to " + r);
      }
    }
    maria = ScratchDatabases.createMariaDb("attack");
    try (Connection c = ScratchDatabases.mariaDb(maria)) {
      ScratchDatabases.run(c, "create table sales (sale_id int primary key, amount decimal(8,2))",
          "insert into sales select seq, seq * 1.5 from seq_1_to_50",
          "create user " + role("reader") + "@'%' identified by '" + password() + "'",
          "grant select on " + maria + ".* to " + role("reader") + "@'%'");
    }
  }

  @AfterAll
  static void drop() throws Exception {
    ScratchDatabases.dropPostgres(pg);
    ScratchDatabases.dropMariaDb(maria);
    if (suffix != null) {
      try (Connection c = ScratchDatabases.postgres("postgres")) {
        ScratchDatabases.run(c, "drop role if exists " + role("reader"), "drop role if exists " + role("files"));
      }
      try (Connection c = ScratchDatabases.mariaDb("")) {
        ScratchDatabases.run(c, "drop user if exists " + role("reader") + "@'%'");
      }
    }
  }

  @Test
  void postgresAttacksAreRefusedAndChangeNothing() throws Exception {
    DataSourceRecord admin = pgSource(ScratchDatabases.PG_USER, ScratchDatabases.PG_PASSWORD, true);
    String before = pgState();
    List<String> attacks = List.of(
        "select $q$ ' $q$; commit; set session characteristics as transaction read write; commit; "
            + "delete from sales.sales where sale_id <= 10; --'",
        "select $a$ $b$ ' $b$ $a$; commit; delete from sales.sales where sale_id <= 10; --'",
        "select E'\\''; commit; delete from sales.sales where sale_id <= 10; --'",
        "select 1 /* ; */ ; delete from sales.sales where sale_id <= 10",
        "select 1 -- ;\n; delete from sales.sales where sale_id <= 10",
        "with d as (delete from sales.sales where sale_id <= 10 returning *) select count(*) from d",
        "select * from sales.sales for update",
        "select * into sales.stolen from sales.sales",
        "select set_config('transaction_read_only', 'off', false)",
        "select lo_export(lo_from_bytea(0, cast('pwned' as bytea)), '" + file("pg") + "')",
        "copy (select 1) to '" + file("pg") + "'",
        "select pg_read_file('/etc/passwd')",
        "SELECT \"pg_read_file\"('/etc/passwd')",
        "select pg_catalog.pg_read_binary_file('/etc/passwd')",
        "select * from pg_ls_dir('/')",
        "select usename, passwd from pg_shadow",
        "select rolpassword from pg_catalog.pg_authid",
        "select pg_terminate_backend(pid) from pg_stat_activity",
        "select pg_sleep(5)",
        "select nextval('sales.sales_sale_id_seq')",
        "select * from dblink('dbname=postgres', 'select 1') as t(x int)",
        "select query_to_xml('delete from sales.sales', true, true, '')",
        "select count(*) from sales.sales where sale_id in (select sale_id from sales.sales s "
            + "where length(pg_read_file('/etc/passwd')) > 0)");
    for (String attack : attacks) {
      assertThatThrownBy(() -> queries.query(admin, attack, List.of(), 10)).as(attack)
          .isInstanceOf(UnsafeSqlException.class);
    }
    assertThat(pgState()).isEqualTo(before);
    assertNoFile("pg");
    assertThat(queries.query(admin, "select count(*) from sales.sales", List.of(), 1).rows())
        .containsExactly(List.of(50L));
  }

  @Test
  void mariaDbAttacksAreRefusedAndChangeNothing() throws Exception {
    DataSourceRecord root = mariaSource(ScratchDatabases.MARIADB_USER, ScratchDatabases.MARIADB_PASSWORD, true);
    String before = mariaState();
    List<String> attacks = List.of(
        "select 1; delete from sales where sale_id <= 10",
        "select 'a\\'; delete from sales where sale_id <= 10; -- '",
        "select 1 /*!, 2 into outfile '" + file("maria") + "' */",
        "select * from sales into outfile '" + file("maria") + "'",
        "select * from sales into dumpfile '" + file("maria") + "'",
        "select sale_id into outfile '" + file("maria") + "' from sales",
        "select load_file('/etc/passwd')",
        "select LOAD_FILE('/etc/passwd') from sales",
        "select user, password from mysql.user",
        "select * from `mysql`.`global_priv`",
        "select sleep(5)",
        "select benchmark(100000000, md5('x'))",
        "select get_lock('x', 1)",
        "select * from sales for update",
        "select * from sales lock in share mode",
        "select 1 # \n, load_file('/etc/passwd')");
    for (String attack : attacks) {
      assertThatThrownBy(() -> queries.query(root, attack, List.of(), 10)).as(attack)
          .isInstanceOf(UnsafeSqlException.class);
    }
    // MySQL reads "--1" as minus minus one, the parser as a comment: what is sent is the parser's "SELECT 1"
    assertThat(queries.query(root, "select 1 --1, load_file('/etc/passwd')", List.of(), 10).rows())
        .containsExactly(List.of(1L));
    assertThat(mariaState()).isEqualTo(before);
    assertNoFile("maria");
  }

  @Test
  void withoutTheSqlCheckTheDriverAndTheReadOnlyTransactionStillHold() throws Exception {
    DataSourceRecord admin = pgSource(ScratchDatabases.PG_USER, ScratchDatabases.PG_PASSWORD, true);
    String pgBefore = pgState();
    try (Connection c = SourceConnections.open(admin, Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> ReadOnlyStatement.run(admin, c, "select $q$ ' $q$; commit; set session "
          + "characteristics as transaction read write; commit; delete from sales.sales where sale_id <= 10; --'",
          List.of(), 10, Duration.ofSeconds(10))).isInstanceOf(UnsafeSqlException.class)
          .hasMessageContaining("statements");
      assertThatThrownBy(() -> ReadOnlyStatement.run(admin, c, "with d as (delete from sales.sales returning *) "
          + "select count(*) from d", List.of(), 10, Duration.ofSeconds(10)))
          .isInstanceOf(SourceAccessException.class).hasMessageContaining("25006");
      assertThatThrownBy(() -> ReadOnlyStatement.run(admin, c, "select set_config('transaction_read_only', 'off', "
          + "false)", List.of(), 10, Duration.ofSeconds(10))).isInstanceOf(SourceAccessException.class);
    }
    assertThat(pgState()).isEqualTo(pgBefore);

    DataSourceRecord root = mariaSource(ScratchDatabases.MARIADB_USER, ScratchDatabases.MARIADB_PASSWORD, true);
    String mariaBefore = mariaState();
    try (Connection c = SourceConnections.open(root, Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> ReadOnlyStatement.run(root, c, "select 1; delete from sales where sale_id <= 10",
          List.of(), 10, Duration.ofSeconds(10))).isInstanceOf(UnsafeSqlException.class);
      // and the server: the connection has no multi-statement capability
      assertThatThrownBy(() -> {
        try (Statement s = c.createStatement()) {
          s.execute("select 1; delete from sales where sale_id <= 10");
        }
      }).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> ReadOnlyStatement.run(root, c, "delete from sales where sale_id <= 10", List.of(), 10,
          Duration.ofSeconds(10))).isInstanceOf(SourceAccessException.class);
    }
    assertThat(mariaState()).isEqualTo(mariaBefore);
  }

  @Test
  void privilegedAccountsAreRefusedUnlessAllowed() {
    String count = "select count(*) from sales.sales";
    assertThatThrownBy(() -> queries.query(pgSource(ScratchDatabases.PG_USER, ScratchDatabases.PG_PASSWORD, false),
        count, List.of(), 1)).isInstanceOf(UnsafeSqlException.class).hasMessageContaining("superuser")
        .hasMessageContaining("allow_privileged_agent_sql");
    assertThatThrownBy(() -> queries.query(pgSource(role("files"), password(), false), count, List.of(), 1))
        .isInstanceOf(UnsafeSqlException.class).hasMessageContaining("pg_read_server_files");
    assertThat(queries.query(pgSource(ScratchDatabases.PG_USER, ScratchDatabases.PG_PASSWORD, true), count,
        List.of(), 1).rows()).containsExactly(List.of(50L));
    assertThat(queries.query(pgSource(role("reader"), password(), false), count, List.of(), 1).rows())
        .containsExactly(List.of(50L));

    String mariaCount = "select count(*) from sales";
    assertThatThrownBy(() -> queries.query(mariaSource(ScratchDatabases.MARIADB_USER,
        ScratchDatabases.MARIADB_PASSWORD, false), mariaCount, List.of(), 1))
        .isInstanceOf(UnsafeSqlException.class).hasMessageContaining("ALL PRIVILEGES");
    assertThat(queries.query(mariaSource(role("reader"), password(), false), mariaCount, List.of(), 1).rows())
        .containsExactly(List.of(50L));
  }

  @Test
  void theConnectionTestWarnsAboutPrivilegedAccounts() {
    CsvRoots roots = ScratchDatabases.roots(Path.of("target/test-data"), null);
    ConnectionTester tester = new ConnectionTester(new Catalogs(roots, Clock.systemUTC()), roots, Clock.systemUTC());
    ConnectionTestResult superuser = tester.test(pgSource(ScratchDatabases.PG_USER, ScratchDatabases.PG_PASSWORD,
        false));
    assertThat(superuser.success()).isTrue();
    assertThat(superuser.details()).containsEntry("privileged_account", true);
    assertThat((List<?>) superuser.details().get("warnings")).singleElement().asString().contains("superuser")
        .contains("refused");
    ConnectionTestResult allowed = tester.test(mariaSource(ScratchDatabases.MARIADB_USER,
        ScratchDatabases.MARIADB_PASSWORD, true));
    assertThat((List<?>) allowed.details().get("warnings")).singleElement().asString()
        .contains("an admin set allow_privileged_agent_sql");
    ConnectionTestResult reader = tester.test(pgSource(role("reader"), password(), false));
    assertThat(reader.success()).isTrue();
    assertThat(reader.details()).containsEntry("privileged_account", false).doesNotContainKey("warnings");
  }

  private static DataSourceRecord pgSource(String user, String password, boolean allowPrivileged) {
    return new DataSourceRecord("pg-" + user + "-" + allowPrivileged, "attack " + pg, SourceType.POSTGRESQL, null,
        new JdbcConfig(ScratchDatabases.PG_HOST, ScratchDatabases.PG_PORT, pg, user, Secret.of(password),
            List.of("sales"), Map.of(), null, allowPrivileged),
        null, OffsetDateTime.now(), OffsetDateTime.now());
  }

  private static DataSourceRecord mariaSource(String user, String password, boolean allowPrivileged) {
    return new DataSourceRecord("maria-" + user + "-" + allowPrivileged, "attack " + maria, SourceType.MARIADB, null,
        new JdbcConfig(ScratchDatabases.MARIADB_HOST, ScratchDatabases.MARIADB_PORT, maria, user, Secret.of(password),
            List.of(), Map.of(), null, allowPrivileged),
        null, OffsetDateTime.now(), OffsetDateTime.now());
  }

  /** Rows, amounts, sequence, tables and large objects, as the server's admin sees them. */
  private static String pgState() throws SQLException {
    try (Connection c = ScratchDatabases.postgres(pg)) {
      return one(c, "select (select count(*) || '/' || sum(amount) from sales.sales) || ' seq ' || "
          + "(select last_value || '/' || is_called from sales.sales_sale_id_seq) || ' tables ' || "
          + "(select count(*) from pg_tables where schemaname = 'sales') || ' lo ' || "
          + "(select count(*) from pg_largeobject_metadata) || ' ro ' || "
          + "current_setting('default_transaction_read_only')");
    }
  }

  private static String mariaState() throws SQLException {
    try (Connection c = ScratchDatabases.mariaDb(maria)) {
      return one(c, "select concat(count(*), '/', sum(amount)) from sales");
    }
  }

  private static void assertNoFile(String tag) throws SQLException {
    assertThat(Files.exists(Path.of(file(tag)))).isFalse();
    if (tag.equals("pg")) {
      try (Connection c = ScratchDatabases.postgres(pg)) {
        assertThat(one(c, "select coalesce(cast(pg_stat_file('" + file(tag) + "', true) as text), 'none')"))
            .isEqualTo("none");
      }
    } else {
      try (Connection c = ScratchDatabases.mariaDb(maria)) {
        assertThat(one(c, "select coalesce(length(load_file('" + file(tag) + "')), 'none')")).isEqualTo("none");
      }
    }
  }

  private static String one(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return String.join(",", values);
  }

  private static String role(String kind) {
    return "openforge_" + kind + "_" + suffix;
  }

  private static String password() {
    return "pw-" + suffix;
  }

  private static String file(String tag) {
    return "/tmp/openforge_attack_" + tag + "_" + suffix;
  }
}
