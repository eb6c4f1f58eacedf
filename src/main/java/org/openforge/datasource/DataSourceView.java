package org.openforge.datasource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A data source as the API shows it: the connection configuration with {@code "password": "***"} (null when none
 * is set), the last connection test (null before the first) and the engagements it is attached to.
 */
public record DataSourceView(String id, String name, SourceType sourceType, String description,
    Map<String, Object> connectionConfig, LastTest lastTest, List<String> engagementIds, OffsetDateTime createdAt,
    OffsetDateTime updatedAt, String role) {}
