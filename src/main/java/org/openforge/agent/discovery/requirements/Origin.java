package org.openforge.agent.discovery.requirements;

/** Which input a statement came from; it sets the priority when the wording gives none. */
enum Origin {
  OBJECTIVE,
  DESCRIPTION,
  INITIAL_REQUIREMENT,
  REQUIREMENT,
  REVIEWER_FEEDBACK
}
