package org.openforge.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class ArtifactVersionsTest {

  private JdbcClient jdbc;
  private ArtifactVersions versions;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:versions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("of_schema_history").load()
        .migrate();
    jdbc = JdbcClient.create(dataSource);
    versions = new ArtifactVersions(jdbc, new DataSourceTransactionManager(dataSource),
        new DefaultListableBeanFactory().getBeanProvider(ArtifactVersions.ShortTransactions.class));
  }

  @Test
  void eachNameCountsItsOwnVersionsAndGoesOnFromTheLastGiven() {
    assertThat(versions.next("e1", "plan.json", null)).isEqualTo(1);
    assertThat(versions.next("e1", "plan.json", null)).isEqualTo(2);
    assertThat(versions.next("e1", "report.md", null)).isEqualTo(1);
    assertThat(versions.next("e2", "plan.json", null)).isEqualTo(1);
    jdbc.sql("update artifact_version set last_version = 41 where engagement_id = 'e1' and name = 'report.md'")
        .update();
    assertThat(versions.next("e1", "report.md", null)).isEqualTo(42);
  }

  @Test
  void writersAtTheSameTimeNeverGetTheSameNumber() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> taken = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      taken.add(pool.submit(() -> versions.next("e1", "same.json", null)));
    }
    List<Integer> numbers = new ArrayList<>();
    for (Future<Integer> f : taken) {
      numbers.add(f.get());
    }
    pool.shutdown();
    Collections.sort(numbers);
    assertThat(numbers).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 80).boxed().toList());
  }
}
