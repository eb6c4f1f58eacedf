package org.openforge.product.target;

/** What one table load did: rows read from the source, rows written to the target, how long it took. */
public record TableLoad(String table, long rowsRead, long rowsWritten, double seconds) {}
