package org.openforge.datasource;

import java.time.OffsetDateTime;
import java.util.Map;

/** The outcome of the last connection test of a source (null fields: never tested). */
public record LastTest(Boolean success, String message, Map<String, Object> details, OffsetDateTime testedAt) {}
