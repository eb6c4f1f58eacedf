package org.openforge.datasource;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The outcome of {@code POST /data-sources/{id}/test}: whether the source could be reached and read, a sentence,
 * the time it took, and details ({@code server_version}, {@code table_count}, schemas or files, ...).
 */
public record ConnectionTestResult(boolean success, String message, long latencyMs, Map<String, Object> details,
    OffsetDateTime testedAt) {}
