package org.openforge.agent.discovery.stakeholder;

/** How and how often to keep a stakeholder involved, and why. */
public record Communication(String channel, String frequency, String format, String rationale) {}
