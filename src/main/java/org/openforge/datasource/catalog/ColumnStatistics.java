package org.openforge.datasource.catalog;

import java.util.List;

/**
 * A column's distinct count and most common values (as text, with row counts) as the database's own planner
 * statistics estimate them, scaled to the table's current row count.
 */
record ColumnStatistics(long distinct, List<TopValue> top) {}
