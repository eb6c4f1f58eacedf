package org.openforge.engagement;

/**
 * The engine operations behind an engagement (start, pause, resume, cancel). Implemented by the lifecycle package,
 * which sits above this one: the engagement service steers the lifecycle without importing it.
 */
public interface EngagementLifecycle {

  /** Starts the lifecycle process; returns its process instance id. */
  String start(Engagement engagement);

  void pause(Engagement engagement);

  void resume(Engagement engagement);

  /** Ends the lifecycle and every open piece of agent work of the engagement, keeping the reason. */
  void cancel(Engagement engagement, String reason);
}
