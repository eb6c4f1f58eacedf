/**
 * The catalog and profiler library for data sources, for agents and the API.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.openforge.datasource.catalog.Catalogs#describe(org.openforge.datasource.DataSourceRecord)} —
 *       structure only: tables/views/files, columns (native and {@link
 *       org.openforge.datasource.catalog.NormalizedType normalized} types, nullability, length/precision/scale),
 *       primary keys, unique constraints, foreign keys (composite too), row counts.</li>
 *   <li>{@link org.openforge.datasource.catalog.Catalogs#profile(org.openforge.datasource.DataSourceRecord,
 *       org.openforge.datasource.catalog.ProfileOptions)} — the structure plus per-column profiles (nulls, distincts,
 *       min/max, top values, semantic type with evidence) and per-table quality (completeness, key uniqueness,
 *       orphan foreign keys, CSV type consistency and malformed rows) with a score.</li>
 *   <li>{@link org.openforge.datasource.catalog.SourceQueries#query(org.openforge.datasource.DataSourceRecord,
 *       String, java.util.List, int)} — one read-only SQL statement with bind parameters, a row limit and a
 *       statement timeout, refused with an {@link org.openforge.datasource.catalog.UnsafeSqlException} unless it
 *       parses as one SELECT calling only allowed functions and the account can only read (or an admin allowed it);
 *       {@link org.openforge.datasource.catalog.SourceQueries#sample} — the first rows of a table or CSV file.</li>
 * </ul>
 * Load a source with {@link org.openforge.datasource.DataSources#get(String)} or
 * {@link org.openforge.datasource.DataSources#forEngagement(String)}. Every result is a record that serialises to
 * snake_case JSON with any Jackson mapper. A source that cannot be reached throws
 * {@link org.openforge.datasource.catalog.SourceAccessException} (message safe to show: no password, user or URL).
 *
 * <h2>How it measures</h2>
 * JDBC sources are profiled inside the database. Structure comes from three bulk catalog queries (tables, columns,
 * constraints) whatever the number of tables, plus exact row counts of tables up to
 * {@link org.openforge.datasource.catalog.ProfileOptions#exactMaxRows()} rows, batched (up to 100 tables per
 * {@code union all} statement). Tables up to that size are profiled exactly: one aggregate query per 40 columns
 * (count, nulls, {@code count(distinct)}, min, max, average length, regular-expression pattern counts), one
 * top-values query per column with repeated values. Larger tables are read once: one aggregate scan for count,
 * nulls, min and max (exact); distinct counts and top values come from the database's own statistics
 * ({@code pg_stats}: n_distinct, most_common_vals/freqs, as ANALYZE or autovacuum left them; never refreshed, the
 * source is read-only) or, for columns without statistics (and on MariaDB), from a row sample of about 100,000 rows
 * ({@code TABLESAMPLE SYSTEM} / {@code RAND()}; Duj1 distinct estimator); average lengths and pattern shares come from
 * a 20,000-row sample. Every estimated field is named in the column profile's {@code estimates} with its method
 * ({@code pg_stats}, {@code tablesample}, {@code sample}) and {@code distinct_approximate} is set. Two queries per
 * foreign key (orphan count and examples). CSV files are streamed once with bounded memory: exact
 * value counts up to 20,000 distinct values per column, beyond that a HyperLogLog estimate (2^14 registers, ~0.8%
 * error) and a Misra-Gries heavy-hitter summary whose candidates are recounted exactly in a second pass (marked
 * {@code hyperloglog} / {@code heavy_hitters} in {@code estimates}). Sessions
 * are read-only with a server-side statement timeout; connects time out after 5 s.
 */
package org.openforge.datasource.catalog;
