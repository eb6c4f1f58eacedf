package org.openforge.datasource.catalog;

/**
 * Agent SQL that was refused before reaching the source: not one read-only SELECT, a function or catalog that is
 * not allowed, or a privileged account. The message says why and is safe to show (it holds no credentials).
 */
public class UnsafeSqlException extends IllegalArgumentException {

  public UnsafeSqlException(String reason) {
    super("SQL refused: " + reason);
  }
}
