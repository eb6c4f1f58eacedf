package org.openforge.ontology.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openforge.ontology.linkml.Fixtures;

/** Applies generated DDL to a real, empty PostgreSQL database and checks that it accepts and rejects rows. */
class PostgresDdlDatabaseTest {

  private static ScratchDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = ScratchDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @BeforeEach
  void emptySchema() throws SQLException {
    assumeTrue(db != null, ScratchDatabase.unavailable);
    db.reset();
  }

  private static void apply(String fixture) throws SQLException {
    PostgresDdl ddl = PostgresDdlGenerator.generate(Fixtures.view(fixture));
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute(ddl.sql());
    }
  }

  private static void run(String... sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  private static List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public'"
            + " order by table_name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static void assertRejected(String sql, String sqlState) {
    assertThatThrownBy(() -> run(sql)).as(sql).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage()).isEqualTo(sqlState));
  }

  @Test
  void theGuidesSalesOntologyBecomesWorkingTables() throws SQLException {
    apply("sales.yaml");

    assertThat(tables()).containsExactly("customer", "region", "sale");
    run("insert into region (region_code, name) values ('EU', 'Europe')",
        "insert into customer (customer_id, name, region_id, lifetime_value) values ('C1', 'Acme', 'EU', 1200.50)",
        "insert into sale (sale_id, customer_id, amount, sale_date) values ('S1', 'C1', 99.95, date '2024-05-01')");

    assertRejected("insert into sale (sale_id, customer_id) values ('S2', 'nobody')", "23503");
    assertRejected("insert into sale (sale_id, amount) values ('S3', 1)", "23502");
    assertRejected("insert into customer (customer_id, name) values ('C1', 'again')", "23505");
    assertRejected("insert into customer (customer_id) values ('C2')", "23502");
  }

  @Test
  void everyMappedFeatureAcceptsValidRowsAndRejectsInvalidOnes() throws SQLException {
    apply("ddl_features.yaml");

    assertThat(tables()).containsExactly("address", "note", "organization", "person", "person_friends", "user");
    run("insert into \"user\" (\"order\", group_name, created, link, active, ratio, wake)"
            + " values (1, 'admins', now(), 'https://example.org', true, 0.5, time '07:30')",
        "insert into address (street, city) values ('Main St 1', 'Springfield')",
        "insert into person (id, name, tags, email, age, status, nicknames, scores)"
            + " values ('AB-1', 'Ann', '{red,green}', 'ann@example.org', 40, 'it''s done', '{Annie}', '{1,2}')",
        "insert into organization (id, name, ceo_id, founded, share) values ('OR-1', 'Org', 'AB-1', date '2001-01-01',"
            + " 12.5)",
        "update person set employer_id = 'OR-1', manager_id = 'AB-1' where id = 'AB-1'",
        "insert into person_friends (person_id, friends_id) values ('AB-1', 'AB-1')",
        "insert into note (text, about_id, author_id, address_id) values ('hello', 'AB-1', 1, 1)");

    assertRejected("insert into person (id, name, email) values ('AB-2', 'Bob', 'not-an-email')", "23514");
    assertRejected("insert into person (id, name) values ('bad id', 'Bob')", "23514");
    assertRejected("insert into person (id, name, age) values ('AB-3', 'Bob', 151)", "23514");
    assertRejected("insert into person (id, name, scores) values ('AB-4', 'Bob', '{1,0}')", "23514");
    assertRejected("insert into organization (id, name, share) values ('OR-2', 'Org', 100.5)", "23514");
    assertRejected("insert into person (id, name, status) values ('AB-5', 'Bob', 'gone')", "22P02");
    assertRejected("insert into person (id) values ('AB-6')", "23502");
    assertRejected("insert into note (text, about_id) values ('x', 'AB-9')", "23503");
    assertRejected("insert into person_friends (person_id, friends_id) values ('AB-1', 'ZZ-1')", "23503");
    assertRejected("insert into \"user\" (\"order\") values (2)", "23502");
  }

  @Test
  void linkmlExampleSchemasApply() throws SQLException {
    apply("personinfo.yaml");
    assertThat(tables()).contains("person", "organization", "person_has_employment_history", "container_persons");
    db.reset();
    apply("kitchen_sink/kitchen_sink.yaml");
    assertThat(tables()).contains("class_with_spaces", "activity", "agent", "dataset_code_systems");
    db.reset();
    apply("organization.yaml");
    assertThat(tables()).containsExactly("employee", "manager", "manager_has_employees", "organization");
  }
}
