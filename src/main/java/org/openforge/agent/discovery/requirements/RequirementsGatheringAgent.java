package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentResult;
import org.openforge.agent.discovery.BriefText;
import org.openforge.agent.discovery.DiscoveryJson;
import org.openforge.agent.discovery.text.Moscow;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.Priority;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code requirements_gathering} agent: a requirements document from the objective, the description,
 * {@code input_data.initial_requirements} / {@code requirements} and the reviewer's feedback — functional and
 * non-functional requirements with MoSCoW priority, measurable acceptance criteria and a trace to the exact source
 * sentence, duplicates merged, tensions flagged and open questions listed. Offline and deterministic.
 */
@Component
public class RequirementsGatheringAgent implements Agent {

  public static final String TASK_TYPE = "requirements_gathering";
  public static final String KIND = "requirements_document";
  public static final String REPORT_KIND = "requirements_document_report";

  private final DiscoveryJson documents;

  public RequirementsGatheringAgent(DiscoveryJson json) {
    this.documents = json;
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public AgentResult run(AgentContext context) throws Exception {
    Engagement engagement = context.engagement();
    Priority priority = engagement.priority() == null ? Priority.MEDIUM : engagement.priority();
    String feedback = context.reviewerFeedback().filter(f -> !f.isBlank()).orElse(null);
    List<Statement> carried = StatementCollector.hasInputLists(context.input()) && feedback == null ? List.of()
        : PreviousDocument.carried(context.latest(KIND).orElse(null), documents);
    List<Statement> statements = StatementCollector.collect(engagement, context.description(), context.input(), carried,
        feedback);
    if (statements.isEmpty()) {
      throw new AgentDeclinedException("no text to gather requirements from: the engagement has no objective or"
          + " description, and input_data has no initial_requirements or requirements");
    }
    context.progress("reading_input", statements.size() + " statements from " + String.join(", ",
        statements.stream().map(s -> s.sentence().field().replaceAll("\\[\\d+]$", "")).distinct().toList()));

    Extraction extraction = Extraction.of(statements, priority);
    if (extraction.kept().isEmpty() && statements.stream()
        .allMatch(s -> s.sentence().field().equals(BriefText.TASK_DESCRIPTION))) {
      throw new AgentDeclinedException("no text to gather requirements from: the engagement has no objective or"
          + " description, the task's description asks for no figure or quality, and input_data has no"
          + " initial_requirements or requirements");
    }
    List<RequirementDraft> kept = extraction.kept();
    context.progress("extracting", extraction.found + " requirements found in " + statements.size()
        + " statements; " + extraction.unclassified.size() + " unclassified, " + extraction.context.size()
        + " context");
    context.progress("deduplicating", extraction.requirements.events.size() + " duplicates merged into "
        + kept.size() + " requirements");

    extraction.markFeedback();
    List<Tensions.Tension> tensions = Tensions.find(kept);
    Map<RequirementDraft, String> ids = number(kept);
    List<OpenQuestion> questions = QuestionBook.collect(statements, extraction, tensions, ids);
    context.progress("questions", questions.size() + " open questions, " + tensions.size() + " tensions");

    RequirementsDocument document = document(engagement, priority, statements, extraction, ids, questions,
        feedback);
    String json = documents.write(document);
    String markdown = RequirementsReport.markdown(document);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("requirement_count", document.summary().requirementCount());
    metadata.put("functional_count", document.summary().functionalCount());
    metadata.put("non_functional_count", document.summary().nonFunctionalCount());
    metadata.put("open_question_count", document.summary().openQuestionCount());
    String summary = summaryLine(document);
    List<ArtifactService.Draft> artifacts = List.of(
        new ArtifactService.Draft("requirements.json", KIND, "application/json", json, summary, metadata),
        new ArtifactService.Draft("requirements.md", REPORT_KIND, "text/markdown", markdown, summary, metadata));
    context.progress("done", summary);
    return new AgentResult(documents.toMap(document), artifacts, document.confidence(), summary);
  }

  private static RequirementsDocument document(Engagement engagement, Priority priority,
      List<Statement> statements, Extraction extraction, Map<RequirementDraft, String> ids,
      List<OpenQuestion> questions,
      String feedback) {
    List<RequirementDraft> kept = extraction.kept();
    List<Requirement> functional = new ArrayList<>();
    List<Requirement> nonFunctional = new ArrayList<>();
    for (RequirementDraft c : kept) {
      List<String> related = kept.stream()
          .filter(o -> o != c && o.statements.stream().anyMatch(c.statements::contains)).map(ids::get).toList();
      Requirement r = requirement(c, ids.get(c), questions, related);
      (c.type == RequirementDraft.Type.FUNCTIONAL ? functional : nonFunctional).add(r);
    }
    List<RequirementsDocument.Merge> merges = extraction.requirements.events.stream()
        .map(e -> new RequirementsDocument.Merge(ids.get(e.into()), e.merged().statements.get(0).trace(),
            e.reason())).toList();
    List<RequirementsDocument.Source> sources = statements.stream().map(s -> new RequirementsDocument.Source(
        s.sentence().field(), s.text(), s.sentence().leadIn(), s.carriedFrom())).toList();
    return new RequirementsDocument(RequirementsDocument.SCHEMA_VERSION,
        new RequirementsDocument.Overview(engagement.name(), engagement.objective(), priority.value()),
        summary(kept, questions), functional, nonFunctional, questions, merges,
        feedback == null ? null : feedbackSummary(feedback, kept, ids, extraction.unclassified), sources,
        extraction.context, method(), confidence(kept), confidenceBasis(kept));
  }

  private static Map<RequirementDraft, String> number(List<RequirementDraft> kept) {
    Map<RequirementDraft, String> ids = new IdentityHashMap<>();
    int fr = 0;
    int nfr = 0;
    for (RequirementDraft c : kept) {
      ids.put(c, c.type == RequirementDraft.Type.FUNCTIONAL ? "FR-" + ++fr : "NFR-" + ++nfr);
    }
    return ids;
  }

  private static Requirement requirement(RequirementDraft c, String id, List<OpenQuestion> questions,
      List<String> related) {
    List<String> about = questions.stream().filter(q -> q.requirements().contains(id)).map(OpenQuestion::id)
        .toList();
    return new Requirement(id, c.type == RequirementDraft.Type.FUNCTIONAL ? "functional" : "non_functional", c.category,
        c.title, c.statement, c.priority.value(), c.priorityRationale, c.scope,
        c.cadence == null ? null : c.cadence.value(), List.copyOf(c.dimensions), List.copyOf(c.figures), c.target,
        c.criteria, c.statements.stream().map(Statement::trace).distinct().toList(), c.feedbackChange,
        List.copyOf(c.notes), about, related, c.metric == null ? null : "metric", c.metric);
  }

  private static RequirementsDocument.Summary summary(List<RequirementDraft> kept, List<OpenQuestion> questions) {
    int functional = (int) kept.stream().filter(c -> c.type == RequirementDraft.Type.FUNCTIONAL).count();
    int[] moscow = new int[Moscow.values().length];
    kept.forEach(c -> moscow[c.priority.ordinal()]++);
    return new RequirementsDocument.Summary(kept.size(), functional, kept.size() - functional, questions.size(),
        moscow[0], moscow[1], moscow[2], moscow[3]);
  }

  private static RequirementsDocument.Feedback feedbackSummary(String feedback, List<RequirementDraft> kept,
      Map<RequirementDraft, String> ids, List<Statement> unclassified) {
    List<String> added = kept.stream().filter(c -> "added".equals(c.feedbackChange)).map(ids::get).toList();
    List<String> changed = kept.stream().filter(c -> "changed".equals(c.feedbackChange)).map(ids::get).toList();
    List<String> unmapped = unclassified.stream()
        .filter(s -> s.origin() == Origin.REVIEWER_FEEDBACK && s.carriedFrom() == null).map(Statement::text)
        .toList();
    return new RequirementsDocument.Feedback(feedback, added, changed, unmapped);
  }

  private static double confidence(List<RequirementDraft> kept) {
    if (kept.isEmpty()) {
      return 0.3;
    }
    double sum = 0;
    for (RequirementDraft c : kept) {
      sum += score(c);
    }
    return Math.round(sum / kept.size() * 100) / 100.0;
  }

  private static double score(RequirementDraft c) {
    if (c.type == RequirementDraft.Type.FUNCTIONAL) {
      return c.feature == null ? 0.6 : 0.9;
    }
    if (c.target == null) {
      return 0.7;
    }
    return c.target.assumed() ? 0.6 : 0.95;
  }

  private static String confidenceBasis(List<RequirementDraft> kept) {
    long explicit = kept.stream().filter(c -> c.type == RequirementDraft.Type.NON_FUNCTIONAL && c.target != null
        && !c.target.assumed()).count();
    long assumed = kept.stream().filter(c -> c.target != null && c.target.assumed()).count();
    long open = kept.stream().filter(c -> c.type == RequirementDraft.Type.NON_FUNCTIONAL && c.target == null).count();
    return "per requirement: 0.9 functional with a recognised feature, 0.6 unrecognised; 0.95 non-functional with"
        + " a stated figure (" + explicit + "), 0.7 without one (" + open + "), 0.6 with an assumed figure ("
        + assumed + "); averaged";
  }

  private static List<String> method() {
    return List.of(
        "Statements: the objective, the description (split into sentences and bullets; a list's lead-in such as"
            + " 'We need to:' is kept with each bullet), input_data.initial_requirements and requirements, and the"
            + " reviewer's feedback; each requirement traces to its input field and exact sentence.",
        "Non-functional requirements come from detectors per category (freshness, latency, performance, security,"
            + " availability, retention, scalability, auditability, data quality, usability, export formats) that"
            + " extract figures with units (24 hours, 99.9%, 10 million rows); what is left of the sentence gives"
            + " at most one functional requirement, classified by feature (dashboard, comparison, report, export,"
            + " alert, tracking, ...).",
        "Priority (MoSCoW): a priority given in input, else the sentence's wording (must/need/should/nice to"
            + " have), else its lead-in, else the objective and reviewer feedback are must, initial requirements"
            + " follow the engagement priority, other description sentences are should.",
        "Duplicates merge when they share feature and content words; one freshness, latency, availability,"
            + " retention and export-format requirement per solution, the stricter figure kept on conflict (the"
            + " reviewer's figure replaces it). Reviewer feedback marks the requirements it adds or changes.",
        "Open questions: vague words without a metric, missing figures, missing recipients, baselines or"
            + " thresholds, dimensions without a source, conflicts such as real-time versus batch freshness.");
  }

  private static String summaryLine(RequirementsDocument d) {
    RequirementsDocument.Summary s = d.summary();
    return s.requirementCount() + " requirements (" + s.functionalCount() + " functional, "
        + s.nonFunctionalCount() + " non-functional; " + s.must() + " must, " + s.should() + " should, "
        + s.could() + " could), " + d.deduplication().size() + " duplicates merged, " + s.openQuestionCount()
        + " open questions";
  }
}
