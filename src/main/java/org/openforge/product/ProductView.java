package org.openforge.product;

import java.time.OffsetDateTime;

/** {@code GET /engagements/{id}/product} (DESIGN §9): what is deployed, where, how fresh. */
public record ProductView(String name, String status, Integer version, Target target, Pipeline pipeline,
    DataApi dataApi, Dashboard dashboard, Freshness freshness) {

  public record Target(String kind, String schema) {}

  public record LastRun(String id, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt) {}

  public record Pipeline(String key, Integer version, String schedule, boolean active, LastRun lastRun) {}

  public record DataApi(String url, String openapiUrl) {}

  public record Dashboard(String url, OffsetDateTime expiresAt) {}

  public record Freshness(Long slaHours, OffsetDateTime lastSuccessAt, boolean late) {}
}
