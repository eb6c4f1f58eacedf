package org.openforge.product.target;

import java.sql.SQLException;

/** Receives the rows of one table load through the target's bulk path. */
interface RowSink extends AutoCloseable {

  void row(Object[] values) throws SQLException;

  /** Ends the load (the last batch is written); returns the rows written. */
  long finish() throws SQLException;

  @Override
  void close() throws SQLException;
}
