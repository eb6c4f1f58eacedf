package org.openforge.lifecycle;

import java.time.OffsetDateTime;
import java.util.Map;

/** A gate requirement passed by hand, with who vouched for it and on what evidence. */
public record GatePass(String id, String engagementId, String gateId, String phase, String validator,
    Map<String, Object> evidence, String passedBy, OffsetDateTime createdAt) {}
