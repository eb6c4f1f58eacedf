package org.openforge.agent.build.integration;

/**
 * A read endpoint of the data API.
 *
 * @param kind {@code list} (paged, filterable), {@code get} (by identifier), {@code related_one} (the object a
 *     reference slot points to) or {@code related_many} (the objects whose reference slot points here)
 * @param slot the reference slot of a related endpoint
 */
public record Endpoint(String operationId, String path, String kind, String className, String targetClass,
    String slot, String summary, EndpointQuery query) {}
