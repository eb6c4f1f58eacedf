package org.openforge.agent.discovery.stakeholder;

/**
 * What a role usually means for an engagement: its category and base influence and interest (1–5), and the standing
 * concern every holder of the role has.
 */
public record RoleProfile(String role, Category category, int influence, int interest, String standingConcern) {}
