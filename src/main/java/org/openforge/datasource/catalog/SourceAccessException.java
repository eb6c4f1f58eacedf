package org.openforge.datasource.catalog;

/**
 * A data source could not be reached or read. The message is safe to show: passwords, user names and JDBC URLs of
 * the driver's message are redacted, and the driver's exception is deliberately not chained (its message is not).
 */
public class SourceAccessException extends RuntimeException {

  private final String sqlState;

  public SourceAccessException(String message, String sqlState) {
    super(message);
    this.sqlState = sqlState;
  }

  public SourceAccessException(String message) {
    this(message, null);
  }

  /** The SQLSTATE of the driver error, when there was one. */
  public String sqlState() {
    return sqlState;
  }
}
