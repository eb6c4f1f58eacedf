package org.openforge.agent.discovery.stakeholder;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentResult;
import org.openforge.agent.discovery.BriefText;
import org.openforge.agent.discovery.DiscoveryJson;
import org.openforge.agent.discovery.text.Sentence;
import org.openforge.agent.discovery.text.Trace;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.Priority;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code stakeholder_analysis} agent: a stakeholder register from {@code input_data.stakeholders} and
 * the stakeholders the objective, description and reviewer feedback name, with influence and interest scores and
 * their derivation, the power/interest quadrant, communication preferences, concerns traced to the requirements,
 * and a RACI suggestion for the phase sign-offs. Offline and deterministic.
 */
@Component
public class StakeholderAnalysisAgent implements Agent {

  public static final String TASK_TYPE = "stakeholder_analysis";
  public static final String KIND = "stakeholder_analysis";
  public static final String REPORT_KIND = "stakeholder_analysis_report";

  private final DiscoveryJson documents;

  public StakeholderAnalysisAgent(DiscoveryJson json) {
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

    List<StakeholderDraft> given = StakeholderInput.read(context.input().get("stakeholders"),
        "input_data.stakeholders");
    if (given.isEmpty()) {
      given = PreviousAnalysis.givenStakeholders(context.latest(KIND).orElse(null), documents);
      if (!given.isEmpty()) {
        context.progress("previous_input", "no stakeholders in input_data; carried over " + given.size()
            + " given to the previous analysis");
      }
    }
    List<Sentence> brief = new ArrayList<>(BriefText.engagement(engagement));
    brief.addAll(BriefText.feedback(context.reviewerFeedback().orElse(null)));
    // the task's description may name the people ("for finance, regional managers and ..."): read for mentions
    List<Sentence> named = new ArrayList<>(brief);
    named.addAll(BriefText.task(context.description(), TASK_TYPE));
    context.progress("reading_input", given.size() + " stakeholders in input, " + brief.size()
        + " sentences in the objective, description, task description and feedback");

    List<Mention> mentions = MentionFinder.find(named);
    StakeholderRegister register = new StakeholderRegister(given);
    register.add(mentions);
    if (register.candidates.isEmpty()) {
      throw new AgentDeclinedException("no stakeholders to analyse: input_data.stakeholders is empty and the "
          + "objective and description name no one (such as 'regional managers', 'the finance team' or 'VP of "
          + "Sales'); list the stakeholders in input_data.stakeholders as {name, role}");
    }
    context.progress("identifying", register.candidates.size() + " stakeholders: " + given.size() + " given, "
        + mentions.size() + " mentions found in the text");

    List<Sentence> requirements = new ArrayList<>(BriefText.inputList(context.input(), "initial_requirements"));
    requirements.addAll(BriefText.inputList(context.input(), "requirements"));
    requirements.addAll(brief);
    List<Stakeholder> stakeholders = new ArrayList<>();
    for (StakeholderDraft c : register.candidates) {
      stakeholders.add(stakeholder(c, stakeholders.size() + 1, brief, requirements, priority));
    }
    context.progress("scoring", "influence, interest and quadrant for " + stakeholders.size() + " stakeholders");

    List<SignOff> raci = RaciPlanner.plan(stakeholders);
    context.progress("planning", "communication preferences, concerns and RACI for the phase sign-offs");

    double confidence = confidence(register.candidates);
    StakeholderAnalysis analysis = new StakeholderAnalysis(StakeholderAnalysis.SCHEMA_VERSION, 
        new StakeholderAnalysis.Overview(engagement.name(), engagement.objective(), priority.value()),
        summary(stakeholders, register.candidates), stakeholders, matrix(stakeholders), raci,
        openQuestions(stakeholders, register), method(), confidence, confidenceBasis(register.candidates));

    String json = documents.write(analysis);
    String markdown = StakeholderReport.markdown(analysis);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("stakeholder_count", analysis.summary().stakeholderCount());
    metadata.put("high_priority_count", analysis.summary().highPriorityCount());
    String summary = summaryLine(analysis);
    List<ArtifactService.Draft> artifacts = List.of(
        new ArtifactService.Draft("stakeholder-analysis.json", KIND, "application/json", json, summary, metadata),
        new ArtifactService.Draft("stakeholder-analysis.md", REPORT_KIND, "text/markdown", markdown, summary,
            metadata));
    context.progress("done", summary);
    return new AgentResult(documents.toMap(analysis), artifacts, confidence, summary);
  }

  private static Stakeholder stakeholder(StakeholderDraft c, int number, List<Sentence> brief,
      List<Sentence> requirements,
      Priority priority) {
    Score influence = Scoring.influence(c);
    Score interest = Scoring.interest(c, brief);
    Quadrant quadrant = Quadrant.of(influence.score(), interest.score());
    String source = switch (c.origin) {
      case INPUT -> c.mentions.isEmpty() ? "input" : "input_and_text";
      case PREVIOUS_ANALYSIS -> "previous_analysis";
      case TEXT -> "text";
    };
    List<Trace> mentions = c.mentions.stream().map(m -> Trace.of(m.sentence())).distinct().toList();
    return new Stakeholder("SH-" + number, c.name, c.role(), c.profileBasis, c.profile.category(), source, mentions,
        influence, interest, quadrant, quadrant.priority(), quadrant.strategy(),
        CommunicationPlanner.plan(c.profile.category(), quadrant, priority),
        ConcernMapper.concerns(c, requirements), List.copyOf(c.notes));
  }

  private static StakeholderAnalysis.Summary summary(List<Stakeholder> stakeholders,
      List<StakeholderDraft> candidates) {
    Map<String, Integer> quadrants = new LinkedHashMap<>();
    for (Quadrant q : Quadrant.values()) {
      quadrants.put(q.value(), (int) stakeholders.stream().filter(s -> s.quadrant() == q).count());
    }
    int high = (int) stakeholders.stream().filter(s -> s.priority().equals("high")).count();
    int fromText = (int) candidates.stream().filter(c -> c.origin == StakeholderDraft.Origin.TEXT).count();
    return new StakeholderAnalysis.Summary(stakeholders.size(), high, stakeholders.size() - fromText, fromText,
        quadrants);
  }

  private static Map<String, List<String>> matrix(List<Stakeholder> stakeholders) {
    Map<String, List<String>> matrix = new LinkedHashMap<>();
    for (Quadrant q : Quadrant.values()) {
      matrix.put(q.value(), stakeholders.stream().filter(s -> s.quadrant() == q).map(Stakeholder::name).toList());
    }
    return matrix;
  }

  private static List<String> openQuestions(List<Stakeholder> stakeholders, StakeholderRegister register) {
    List<String> out = new ArrayList<>();
    Set<Category> present = stakeholders.stream().map(Stakeholder::category)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
    if (!present.contains(Category.EXECUTIVE)) {
      out.add("Who sponsors the engagement and is accountable for the phase sign-offs? No executive is named.");
    }
    if (!present.contains(Category.BUSINESS_USER) && !present.contains(Category.MANAGEMENT)) {
      out.add("Who will use the solution day to day? No business users are named.");
    }
    if (!present.contains(Category.TECHNICAL)) {
      out.add("Who supports the solution technically (data engineering, IT operations)? No technical team is named.");
    }
    if (!present.contains(Category.DATA_GOVERNANCE)) {
      out.add("Who owns the source data and approves access to it? No data owner is named.");
    }
    for (Stakeholder s : stakeholders) {
      if (s.category() == Category.OTHER) {
        out.add("What role does " + s.name() + " play in the engagement? The role '" + s.role()
            + "' is not recognised.");
      }
    }
    List<String> inferred = stakeholders.stream().filter(s -> s.source().equals("text")).map(Stakeholder::name)
        .toList();
    if (!inferred.isEmpty()) {
      out.add("Confirm the stakeholders inferred from the text and their roles: " + String.join(", ", inferred)
          + ".");
    }
    out.addAll(register.ambiguities);
    return out;
  }

  private static List<String> method() {
    return List.of(
        "Stakeholders come from input_data.stakeholders and from the people and groups the objective, description"
            + " and reviewer feedback name (a lexicon of role nouns such as managers, VP, analysts, team, with their"
            + " qualifiers such as regional, finance, of Sales); mentions of a given stakeholder are merged into it.",
        "Influence and interest (1-5) start from the role's base scores; +1 influence for a decision role near the"
            + " mention (approve, sign off, own, fund); +1 interest each for being named in the objective, being"
            + " named as user or beneficiary, being named in several sentences, and having their area in the brief."
            + " Scores given in input are used as given.",
        "Quadrant: influence >= 4 and interest >= 4 manage closely; influence >= 4 only keep satisfied; interest"
            + " >= 4 only keep informed; otherwise monitor. Priority: manage closely high, monitor low, else medium.",
        "Concerns: sentences that name the stakeholder, needs given in input, and the needs of the stakeholder's"
            + " category for each topic (export, latency, dashboard, ...) the requirements touch.",
        "RACI: the executive sponsor (else the most influential stakeholder) is accountable for every sign-off;"
            + " business stakeholders are responsible for discovery, the technical team for design, build and"
            + " deploy.");
  }

  private static double confidence(List<StakeholderDraft> candidates) {
    double sum = 0;
    for (StakeholderDraft c : candidates) {
      sum += switch (c.origin) {
        case INPUT -> c.profileBasis.equals("role as given") ? 0.95
            : c.profile == Roles.OTHER ? 0.7 : 0.85;
        case PREVIOUS_ANALYSIS -> 0.85;
        case TEXT -> c.mentions.stream().anyMatch(m -> m.decides() || m.benefits()) ? 0.7 : 0.6;
      };
    }
    return Math.round(sum / candidates.size() * 100) / 100.0;
  }

  private static String confidenceBasis(List<StakeholderDraft> candidates) {
    long input = candidates.stream().filter(c -> c.origin != StakeholderDraft.Origin.TEXT).count();
    long knownRole = candidates.stream().filter(c -> c.origin != StakeholderDraft.Origin.TEXT
        && c.profileBasis.equals("role as given")).count();
    return input + " of " + candidates.size() + " stakeholders given explicitly (" + knownRole
        + " with a recognised role), " + (candidates.size() - input) + " inferred from the text; per stakeholder"
        + " 0.95 given with a recognised role, 0.85 role inferred or carried over, 0.7 unknown role or text with"
        + " context, 0.6 text only; averaged";
  }

  private static String summaryLine(StakeholderAnalysis a) {
    List<String> parts = new ArrayList<>();
    a.priorityMatrix().forEach((quadrant, names) -> {
      if (!names.isEmpty()) {
        parts.add(quadrant.replace('_', ' ') + ": " + String.join(", ", names));
      }
    });
    return a.summary().stakeholderCount() + " stakeholders, " + a.summary().highPriorityCount()
        + " high priority (" + String.join("; ", parts) + ")";
  }
}
