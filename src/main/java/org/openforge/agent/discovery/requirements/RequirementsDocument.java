package org.openforge.agent.discovery.requirements;

import java.util.List;
import org.openforge.agent.discovery.text.Trace;

/** The requirements document: functional and non-functional requirements, open questions, merges, sources. */
public record RequirementsDocument(int schemaVersion, Overview engagement, Summary summary,
    List<Requirement> functional,
    List<Requirement> nonFunctional, List<OpenQuestion> openQuestions, List<Merge> deduplication,
    Feedback reviewerFeedback, List<Source> sources, List<Trace> context, List<String> method, double confidence,
    String confidenceBasis) {

  public static final int SCHEMA_VERSION = 1;

  public record Overview(String name, String objective, String priority) {}

  public record Summary(int requirementCount, int functionalCount, int nonFunctionalCount, int openQuestionCount,
      int must, int should, int could, int wont) {}

  /** A statement merged into a requirement it duplicates. */
  public record Merge(String into, Trace merged, String reason) {}

  /** What the reviewer's feedback did: the requirements it added and changed, the sentences that matched none. */
  public record Feedback(String text, List<String> added, List<String> changed, List<String> unmapped) {}

  /** A statement read, with where it came from. */
  public record Source(String field, String text, String leadIn, String carriedFrom) {}
}
