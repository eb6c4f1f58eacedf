package org.openforge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** SQLState class 22 (and DuckDB's data error types) are the caller's values; other SQL failures are not. */
class DataErrorsTest {

  @Test
  void dataExceptionsAreFoundAmongTheCauses() {
    for (String state : new String[] {"22P02", "22003", "22012", "22008", "22001"}) {
      Exception wrapped = new IllegalStateException("cannot read", new SQLException("ERROR: bad value\n  Hint", state));
      assertThat(DataErrors.dataException(wrapped)).as(state).contains("ERROR: bad value");
    }
    assertThat(DataErrors.dataException(new SQLException("Conversion Error: Could not convert string 'x' to INT32")))
        .isPresent();
    assertThat(DataErrors.dataException(new IllegalStateException("x", new SQLException("no table", "42P01"))))
        .isEmpty();
    assertThat(DataErrors.dataException(new SQLException("connection refused", "08001"))).isEmpty();
    assertThat(DataErrors.dataException(new IllegalStateException("no SQL at all"))).isEmpty();
  }
}
