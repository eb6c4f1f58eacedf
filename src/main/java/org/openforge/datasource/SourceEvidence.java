package org.openforge.datasource;

import java.time.OffsetDateTime;

/** What an engagement's data sources prove for its gates: how many are attached, how many passed a test, and when. */
public record SourceEvidence(int attached, int connected, OffsetDateTime lastTestedAt) {}
