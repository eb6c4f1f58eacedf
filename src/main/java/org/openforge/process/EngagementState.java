package org.openforge.process;

/**
 * Where an engagement stands in the engine: its status, the phase it is in (or stood in when it ended), and for a
 * cancelled engagement the reason given.
 */
public record EngagementState(EngagementStatus status, Phase currentPhase, String reason) {

  public static final EngagementState DRAFT = new EngagementState(EngagementStatus.DRAFT, null, null);
}
