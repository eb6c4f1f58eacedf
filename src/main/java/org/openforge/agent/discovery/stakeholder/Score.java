package org.openforge.agent.discovery.stakeholder;

import java.util.List;

/** A 1–5 score with the steps that led to it. */
public record Score(int score, List<String> derivation) {}
