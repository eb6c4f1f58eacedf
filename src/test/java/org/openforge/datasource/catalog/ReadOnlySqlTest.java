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
