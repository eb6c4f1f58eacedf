package org.openforge.product.target;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBConnection;

/**
 * One DuckDB database instance per file in this JVM, and a connection of its own for each caller (DuckDB's
 * {@code duplicate()}): opening the same file from several threads at once through the driver fails with "Unique
 * file handle conflict", while connections of one instance may work in parallel.
 */
final class DuckDbFiles {

  private static final Map<String, DuckDBConnection> OPEN = new ConcurrentHashMap<>();

  private DuckDbFiles() {}

  static Connection connect(String url) throws SQLException {
    synchronized (OPEN) {
      DuckDBConnection instance = OPEN.get(url);
      if (instance == null || instance.isClosed()) {
        instance = (DuckDBConnection) DriverManager.getConnection(url);
        OPEN.put(url, instance);
      }
      return instance.duplicate();
    }
  }
}
