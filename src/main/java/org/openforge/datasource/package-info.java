/**
 * Data sources: the {@code /api/v1/data-sources} API ({@link org.openforge.datasource.DataSourceController}), their
 * storage with AES-GCM encrypted credentials ({@link org.openforge.datasource.SecretBox}), real connection tests
 * ({@link org.openforge.datasource.ConnectionTester}) that are gate evidence, and {@link
 * org.openforge.datasource.DataSources} to load a {@link org.openforge.datasource.DataSourceRecord} for the catalog
 * library in {@code org.openforge.datasource.catalog}.
 */
package org.openforge.datasource;
