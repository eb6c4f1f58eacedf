package org.openforge.datasource;

import java.time.OffsetDateTime;

/** A {@code data_source} row as stored: configuration JSON without secrets, the sealed secret, the last test. */
record StoredSource(String id, String name, SourceType sourceType, String description, String connectionConfig,
    String secret, Boolean lastTestSuccess, String lastTestMessage, String lastTestDetails, OffsetDateTime lastTestedAt,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
