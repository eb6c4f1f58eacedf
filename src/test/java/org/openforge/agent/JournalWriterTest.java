package org.openforge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class JournalWriterTest {

  private final AtomicInteger commits = new AtomicInteger();
  private JdbcClient jdbc;
  private JournalWriter writer;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:journal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("create table entry (task varchar(10), seq int, primary key (task, seq))").update();
    writer = new JournalWriter(new DataSourceTransactionManager(dataSource) {
      @Override
      protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        commits.incrementAndGet();
      }
    });
  }

  @AfterEach
  void tearDown() {
    writer.close();
  }

  private void append(String task) {
    writer.submit(task, () -> {
      int seq = writer.next("entry", task, () -> jdbc.sql("select coalesce(max(seq), 0) + 1 from entry where task = :t")
          .param("t", task).query(Integer.class).single());
      jdbc.sql("insert into entry (task, seq) values (:t, :s)").param("t", task).param("s", seq).update();
      return null;
    });
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void writesThatComeTogetherShareACommitAndAreStoredInOrderOnceFlushed() {
    // the writer is held up by a first write, so the next 60 are queued while it works, as under load
    CountDownLatch release = new CountDownLatch(1);
    writer.submit("first", () -> {
      await(release);
      return null;
    });
    for (int i = 0; i < 60; i++) {
      append(i % 2 == 0 ? "a" : "b");
    }
    release.countDown();
    writer.flush("a");
    writer.flush("b");
    assertThat(jdbc.sql("select seq from entry where task = 'a' order by seq").query(Integer.class).list())
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
    assertThat(jdbc.sql("select count(*) from entry where task = 'b'").query(Integer.class).single()).isEqualTo(30);
    assertThat(commits.get()).isBetween(1, 3);
  }

  @Test
  void aFlushWaitsForTheCommitOfWritesQueuedBeforeIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    writer.submit("slow", () -> {
      await(release);
      jdbc.sql("insert into entry (task, seq) values ('slow', 1)").update();
      return null;
    });
    Thread flusher = new Thread(() -> writer.flush("slow"));
    flusher.start();
    flusher.join(200);
    assertThat(flusher.isAlive()).isTrue();
    release.countDown();
    flusher.join(10_000);
    assertThat(flusher.isAlive()).isFalse();
    assertThat(jdbc.sql("select count(*) from entry where task = 'slow'").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void aWriteThatFailsFailsOnlyItsOwnTasksFlush() {
    writer.submit("bad", () -> {
      jdbc.sql("insert into missing_table values (1)").update();
      return null;
    });
    append("good");
    writer.flush("good");
    assertThatThrownBy(() -> writer.flush("bad")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("journal could not be written");
    assertThat(jdbc.sql("select task from entry").query(String.class).list()).isEqualTo(List.of("good"));
    writer.flush("bad");
  }

  @Test
  void workRunOnTheWriterReturnsItsResultAfterItsCommit() {
    int seq = writer.call("c", () -> {
      jdbc.sql("insert into entry (task, seq) values ('c', 7)").update();
      return 7;
    });
    assertThat(seq).isEqualTo(7);
    assertThat(jdbc.sql("select seq from entry where task = 'c'").query(Integer.class).single()).isEqualTo(7);
  }
}
