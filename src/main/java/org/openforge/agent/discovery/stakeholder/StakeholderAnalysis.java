package org.openforge.agent.discovery.stakeholder;

import java.util.List;
import java.util.Map;

/** The stakeholder analysis document: register, priority matrix, communication, RACI, open questions, method. */
public record StakeholderAnalysis(int schemaVersion, Overview engagement, Summary summary,
    List<Stakeholder> stakeholders,
    Map<String, List<String>> priorityMatrix, List<SignOff> raci, List<String> openQuestions, List<String> method,
    double confidence, String confidenceBasis) {

  public static final int SCHEMA_VERSION = 1;

  public record Overview(String name, String objective, String priority) {}

  public record Summary(int stakeholderCount, int highPriorityCount, int fromInput, int fromTextOnly,
      Map<String, Integer> quadrants) {}
}
