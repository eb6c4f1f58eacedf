/**
 * Analytical targets of a data product (DESIGN §9): the embedded DuckDB file of an engagement, or a PostgreSQL
 * database registered as a target. The platform owns one schema there; each pipeline run loads and builds into a
 * versioned schema of its own, and publishing swaps the views of the live schema to that version in one
 * transaction, so a reader never sees half a load and the previous version stays for rollback.
 */
package org.openforge.product.target;
