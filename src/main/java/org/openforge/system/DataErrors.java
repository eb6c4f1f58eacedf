package org.openforge.system;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Recognises a database's data exception (SQLState class 22: invalid input syntax, numeric or date overflow,
 * division by zero, string too long) in a failure's causes: the values a caller supplied do not fit the data, which
 * is the caller's to fix (422), not a server error. DuckDB reports these without an SQLState, by error type.
 */
public final class DataErrors {

  /** DuckDB's error types for values that do not fit ("Conversion Error: ..."). */
  private static final List<String> DUCKDB_DATA_ERRORS =
      List.of("Conversion Error", "Out of Range Error", "Invalid Input Error");

  private DataErrors() {}

  /** The database's message for the data exception among the causes, if any. */
  public static Optional<String> dataException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && isDataException(sql)) {
        String message = sql.getMessage() == null ? "" : sql.getMessage().strip();
        int line = message.indexOf('\n');
        return Optional.of(line < 0 ? message : message.substring(0, line));
      }
    }
    return Optional.empty();
  }

  static boolean isDataException(SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("22")) {
      return true;
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    return DUCKDB_DATA_ERRORS.stream().anyMatch(message::startsWith);
  }
}
