package org.openforge.agent.discovery.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.openforge.agent.discovery.ArtifactJson.fieldNames;
import static org.openforge.agent.discovery.ArtifactJson.json;
import static org.openforge.agent.discovery.ArtifactJson.one;
import static org.openforge.agent.discovery.ArtifactJson.texts;
import static org.openforge.agent.discovery.ArtifactJson.where;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentJournal;
import org.openforge.agent.AgentResult;
import org.openforge.agent.discovery.ArtifactJson;
import org.openforge.agent.discovery.Contexts;
import org.openforge.agent.discovery.DiscoveryJson;
import org.openforge.agent.discovery.Golden;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.Priority;
import org.openforge.support.TestJson;

class RequirementsGatheringAgentTest {

  private final RequirementsGatheringAgent agent = new RequirementsGatheringAgent(new DiscoveryJson(TestJson.mapper()));

  private JsonNode document(Contexts contexts) throws Exception {
    return json(agent.run(contexts.task("requirements_gathering").build()), "requirements.json");
  }

  private static JsonNode byCategory(JsonNode requirements, String category) {
    return one(requirements, "category", category);
  }

  private static JsonNode bySource(JsonNode requirements, String text) {
    List<JsonNode> found = where(requirements, r -> r.path("sources").findValuesAsText("text").contains(text));
    assertThat(found).as("requirements traced to '" + text + "'").hasSize(1);
    return found.get(0);
  }

  @Test
  void guideFunctionalRequirements() throws Exception {
    JsonNode doc = document(Contexts.guide());
    JsonNode functional = doc.path("functional");

    assertThat(functional.findValuesAsText("category")).containsExactly("dashboard", "trend_analysis", "tracking",
        "report", "comparison", "export");
    assertThat(functional.findValuesAsText("id")).containsExactly("FR-1", "FR-2", "FR-3", "FR-4", "FR-5", "FR-6");
    JsonNode trends = byCategory(functional, "trend_analysis");
    assertThat(trends.path("statement").asText()).isEqualTo("The solution must analyze sales trends across regions.");
    assertThat(texts(trends.path("dimensions"))).containsExactly("region");
    JsonNode reports = byCategory(functional, "report");
    assertThat(reports.path("cadence").asText()).isEqualTo("weekly");
    assertThat(texts(reports.path("acceptance_criteria")))
        .anySatisfy(c -> assertThat(c).contains("Given a week has closed").contains("weekly report run"));
    JsonNode comparison = byCategory(functional, "comparison");
    assertThat(texts(comparison.path("acceptance_criteria")))
        .anySatisfy(c -> assertThat(c).contains("at least two regions").contains("side by side"));
    assertThat(byCategory(functional, "export").path("statement").asText())
        .isEqualTo("The solution must provide export capabilities.");
  }

  @Test
  void guideRequirementsTraceToTheirExactSource() throws Exception {
    JsonNode functional = document(Contexts.guide()).path("functional");

    JsonNode trends = byCategory(functional, "trend_analysis");
    JsonNode source = trends.path("sources").get(0);
    assertThat(source.path("field").asText()).isEqualTo("description");
    assertThat(source.path("text").asText()).isEqualTo("Analyze sales trends across regions");
    assertThat(source.path("lead_in").asText()).isEqualTo("We need to");
    JsonNode export = byCategory(functional, "export");
    assertThat(export.path("sources").get(0).path("field").asText()).isEqualTo("input_data.initial_requirements[2]");
    assertThat(export.path("sources").get(0).path("text").asText()).isEqualTo("Export capabilities");
  }

  @Test
  void guidePrioritiesFromWordingAndEngagementPriority() throws Exception {
    JsonNode doc = document(Contexts.guide());

    assertThat(byCategory(doc.path("functional"), "trend_analysis").path("priority_rationale").asText())
        .isEqualTo("wording 'need to' in the lead-in 'We need to'");
    assertThat(byCategory(doc.path("functional"), "comparison").path("priority_rationale").asText())
        .isEqualTo("engagement priority 'high' (no priority wording)");
    assertThat(doc.path("functional").findValuesAsText("priority")).containsOnly("must");

    JsonNode low = document(Contexts.guide().priority(Priority.LOW));
    assertThat(byCategory(low.path("functional"), "comparison").path("priority").asText()).isEqualTo("could");
    assertThat(byCategory(low.path("functional"), "trend_analysis").path("priority").asText()).isEqualTo("must");
  }

  @Test
  void guideRealTimeIsALatencyTargetToConfirm() throws Exception {
    JsonNode doc = document(Contexts.guide());
    JsonNode latency = byCategory(doc.path("non_functional"), "latency");

    assertThat(latency.path("target").path("metric").asText()).isEqualTo("end_to_end_latency");
    assertThat(latency.path("target").path("assumed").asBoolean()).isTrue();
    assertThat(latency.path("applies_to").asText()).isEqualTo("the sales dashboard");
    assertThat(latency.path("sources").get(0).path("text").asText()).isEqualTo("Real-time sales dashboard");
    assertThat(texts(latency.path("acceptance_criteria")))
        .anySatisfy(c -> assertThat(c).contains("no later than 1 minute after it occurred"));
    JsonNode question = one(doc.path("open_questions"), "id", latency.path("open_questions").get(0).asText());
    assertThat(question.path("question").asText()).contains("'Real-time'").contains("assumption");
    assertThat(question.path("kind").asText()).isEqualTo("ambiguity");
    JsonNode formats = byCategory(doc.path("non_functional"), "export_format");
    assertThat(formats.path("target").isMissingNode()).isTrue();
    assertThat(doc.path("open_questions").findValuesAsText("question"))
        .anySatisfy(q -> assertThat(q).startsWith("Which export formats are required"))
        .anySatisfy(q -> assertThat(q).contains("'customer behavior patterns'"))
        .anySatisfy(q -> assertThat(q).contains("'performance' in 'weekly performance reports'"))
        .anySatisfy(q -> assertThat(q).contains("'comprehensive' needs an explicit list"))
        .anySatisfy(q -> assertThat(q).contains("list (or hierarchy) of region values"));
  }

  @Test
  void guideObjectiveAndRealTimeDashboardAreOneRequirement() throws Exception {
    JsonNode doc = document(Contexts.guide());
    JsonNode dashboard = byCategory(doc.path("functional"), "dashboard");

    assertThat(dashboard.path("title").asText()).isEqualTo("Comprehensive sales analytics dashboard");
    assertThat(dashboard.path("sources").findValuesAsText("text"))
        .containsExactly(Contexts.GUIDE_OBJECTIVE, "Real-time sales dashboard");
    assertThat(texts(dashboard.path("related"))).containsExactly("NFR-1");
    JsonNode merge = doc.path("deduplication").get(0);
    assertThat(merge.path("into").asText()).isEqualTo("FR-1");
    assertThat(merge.path("merged").path("text").asText()).isEqualTo("Real-time sales dashboard");
  }

  @Test
  void artifactsMetadataAndSnakeCase() throws Exception {
    AgentResult result = agent.run(Contexts.guide().task("requirements_gathering").build());
    JsonNode doc = json(result, "requirements.json");

    ArtifactService.Draft json = ArtifactJson.draft(result, "requirements.json");
    assertThat(json.kind()).isEqualTo("requirements_document");
    assertThat(json.mediaType()).isEqualTo("application/json");
    assertThat(json.metadata()).containsExactly(Map.entry("requirement_count", 8), Map.entry("functional_count", 6),
        Map.entry("non_functional_count", 2),
        Map.entry("open_question_count", doc.path("open_questions").size()));
    ArtifactService.Draft md = ArtifactJson.draft(result, "requirements.md");
    assertThat(md.mediaType()).isEqualTo("text/markdown");
    assertThat(md.content()).contains("### FR-2 Analyze sales trends across regions")
        .contains("  - [ ] Given at least the agreed number of periods of history");
    assertThat(fieldNames(doc)).contains("acceptance_criteria", "priority_rationale", "open_questions",
        "requirement_count", "lead_in").noneMatch(name -> name.chars().anyMatch(Character::isUpperCase));
    assertThat(result.outputs()).containsKeys("functional", "non_functional", "open_questions");
  }

  @Test
  void bestPracticeObjectiveGivesFreshnessAndWeeklyRegionalDashboard() throws Exception {
    JsonNode doc = document(Contexts.engagement("Weekly sales",
        "Build a dashboard showing weekly sales by region with 24-hour data freshness", null));

    JsonNode freshness = byCategory(doc.path("non_functional"), "freshness");
    assertThat(freshness.path("id").asText()).isEqualTo("NFR-1");
    assertThat(freshness.path("target").path("comparator").asText()).isEqualTo("<=");
    assertThat(freshness.path("target").path("value").asDouble()).isEqualTo(24);
    assertThat(freshness.path("target").path("unit").asText()).isEqualTo("hour");
    assertThat(freshness.path("target").path("iso").asText()).isEqualTo("PT24H");
    assertThat(texts(freshness.path("acceptance_criteria"))).first().asString()
        .contains("no later than 24 hours after it was made");
    JsonNode dashboard = byCategory(doc.path("functional"), "dashboard");
    assertThat(dashboard.path("title").asText()).isEqualTo("Dashboard showing weekly sales by region");
    assertThat(dashboard.path("cadence").asText()).isEqualTo("weekly");
    assertThat(texts(dashboard.path("dimensions"))).containsExactly("region");
    assertThat(texts(dashboard.path("acceptance_criteria"))).first().asString()
        .contains("per region for each week");
    assertThat(dashboard.path("sources").get(0).path("text").asText())
        .isEqualTo("Build a dashboard showing weekly sales by region with 24-hour data freshness");
    assertThat(doc.path("functional")).hasSize(1);
    assertThat(doc.path("non_functional")).hasSize(1);
  }

  @Test
  void duplicatesAreMerged() throws Exception {
    JsonNode doc = document(Contexts.engagement("Sales", Contexts.GUIDE_OBJECTIVE, Contexts.GUIDE_DESCRIPTION)
        .input(Map.of("initial_requirements", List.of("weekly performance reports", "Sales dashboard"))));

    JsonNode reports = where(doc.path("functional"), r -> r.path("category").asText().equals("report")).get(0);
    assertThat(where(doc.path("functional"), r -> r.path("category").asText().equals("report"))).hasSize(1);
    assertThat(reports.path("title").asText()).isEqualTo("Generate weekly performance reports");
    assertThat(reports.path("sources").findValuesAsText("field"))
        .containsExactly("description", "input_data.initial_requirements[0]");
    assertThat(where(doc.path("functional"), r -> r.path("category").asText().equals("dashboard"))).hasSize(1);
    assertThat(doc.path("deduplication").findValuesAsText("reason"))
        .anySatisfy(r -> assertThat(r).contains("same feature 'report'"));
    assertThat(doc.path("summary").path("requirement_count").asInt())
        .isEqualTo(doc.path("functional").size() + doc.path("non_functional").size());
  }

  @Test
  void logisticsEngagement() throws Exception {
    JsonNode doc = document(Contexts.engagement("On-time delivery",
        "Give dispatchers and the Head of Logistics a live view of on-time delivery performance by carrier",
        """
        The operations team currently reconciles delivery scans in spreadsheets. We want:
        1. A dashboard of on-time delivery rate per carrier, refreshed every 15 minutes.
        2. Alerts to depot managers when the on-time rate drops below 95% for a carrier.
        3. Monthly carrier scorecards, exported as PDF and Excel.
        The dashboard must load in under 3 seconds for 200 concurrent users.
        Regional managers must only see their own region.
        Keep 2 years of delivery history. Nice to have: a mobile view for drivers.
        """));
    JsonNode functional = doc.path("functional");
    JsonNode nonFunctional = doc.path("non_functional");

    JsonNode alert = byCategory(functional, "alert");
    assertThat(alert.path("priority").asText()).isEqualTo("should");
    assertThat(texts(alert.path("figures"))).containsExactly("95%");
    assertThat(texts(alert.path("acceptance_criteria"))).first().asString().contains("(95%)");
    assertThat(bySource(functional, "Monthly carrier scorecards, exported as PDF and Excel.").path("cadence")
        .asText()).isEqualTo("monthly");
    assertThat(bySource(functional, "Nice to have: a mobile view for drivers.").path("priority").asText())
        .isEqualTo("could");
    assertThat(byCategory(nonFunctional, "freshness").path("target").path("display").asText())
        .isEqualTo("≤ 15 minutes");
    assertThat(byCategory(nonFunctional, "export_format").path("target").path("display").asText())
        .isEqualTo("PDF, Excel (XLSX)");
    assertThat(byCategory(nonFunctional, "performance").path("target").path("display").asText())
        .isEqualTo("≤ 3 seconds");
    assertThat(one(nonFunctional, "title", "Concurrent users").path("target").path("value").asInt()).isEqualTo(200);
    JsonNode rowLevel = one(nonFunctional, "title", "Row-level access by region");
    assertThat(texts(rowLevel.path("acceptance_criteria"))).first().asString()
        .contains("only rows of their region are returned");
    assertThat(byCategory(nonFunctional, "retention").path("target").path("display").asText())
        .isEqualTo("≥ 2 years");
    assertThat(byCategory(nonFunctional, "usability").path("priority").asText()).isEqualTo("could");
    assertThat(doc.path("context").findValuesAsText("text"))
        .containsExactly("The operations team currently reconciles delivery scans in spreadsheets.");
    assertThat(where(nonFunctional, r -> r.path("category").asText().equals("data_quality"))).isEmpty();
  }

  @Test
  void realTimeAgainstBatchFreshnessIsFlagged() throws Exception {
    JsonNode doc = document(Contexts.engagement("Store sales", "Real-time sales dashboard for store managers",
        "Data is loaded nightly from the ERP."));
    JsonNode latency = byCategory(doc.path("non_functional"), "latency");
    JsonNode freshness = byCategory(doc.path("non_functional"), "freshness");

    assertThat(freshness.path("target").path("display").asText()).isEqualTo("≤ 24 hours");
    assertThat(texts(latency.path("notes"))).anySatisfy(n -> assertThat(n).startsWith("tension"));
    assertThat(texts(freshness.path("notes"))).anySatisfy(n -> assertThat(n).startsWith("tension"));
    JsonNode conflict = one(doc.path("open_questions"), "kind", "conflict");
    assertThat(texts(conflict.path("requirements")))
        .containsExactly(latency.path("id").asText(), freshness.path("id").asText());
    assertThat(conflict.path("question").asText()).contains("batch");
  }

  @Test
  void churnDataMartEngagement() throws Exception {
    JsonNode doc = document(Contexts.engagement("Churn data mart",
        "Build a churn-prediction data mart for the retention team",
        """
        - Predict which customers are likely to churn in the next 90 days
        - Refresh the mart nightly
        - Keep 3 years of history for 10 million customer records
        - PII must be masked for analysts
        - Scores should reconcile with the CRM figures
        """).priority(Priority.MEDIUM));
    JsonNode functional = doc.path("functional");
    JsonNode nonFunctional = doc.path("non_functional");

    assertThat(byCategory(functional, "data_integration").path("title").asText())
        .isEqualTo("Churn-prediction data mart for the retention team");
    JsonNode prediction = byCategory(functional, "prediction");
    assertThat(texts(prediction.path("figures"))).containsExactly("90 days");
    assertThat(prediction.path("priority").asText()).isEqualTo("should");
    assertThat(byCategory(nonFunctional, "freshness").path("target").path("display").asText())
        .isEqualTo("≤ 24 hours");
    assertThat(byCategory(nonFunctional, "retention").path("target").path("display").asText())
        .isEqualTo("≥ 3 years");
    assertThat(byCategory(nonFunctional, "scalability").path("target").path("display").asText())
        .isEqualTo("≥ 10 million customer records");
    JsonNode pii = byCategory(nonFunctional, "security");
    assertThat(pii.path("title").asText()).isEqualTo("Protection of personal data");
    assertThat(pii.path("priority").asText()).isEqualTo("must");
    assertThat(byCategory(nonFunctional, "data_quality").path("title").asText())
        .isEqualTo("Reconciliation with CRM");
    assertThat(doc.path("open_questions").findValuesAsText("question"))
        .anySatisfy(q -> assertThat(q).startsWith("What exactly is predicted"));
  }

  @Test
  void hrAttritionEngagement() throws Exception {
    JsonNode doc = document(Contexts.hrAttrition());
    JsonNode functional = doc.path("functional");
    JsonNode nonFunctional = doc.path("non_functional");

    JsonNode report = bySource(functional,
        "Provide HR business partners with a monthly attrition report by department");
    assertThat(report.path("title").asText()).isEqualTo("Monthly attrition report by department");
    assertThat(report.path("sources").findValuesAsText("text")).contains("Monthly attrition report per department");
    assertThat(bySource(functional, "The CHRO sponsors this work and wants a quarterly board summary.")
        .path("title").asText()).isEqualTo("Quarterly board summary");
    JsonNode drill = byCategory(functional, "search_filter");
    assertThat(drill.path("statement").asText())
        .isEqualTo("The solution should let analysts drill down by location and job family.");
    assertThat(texts(drill.path("dimensions"))).containsExactly("location", "job family");
    JsonNode availability = byCategory(nonFunctional, "availability");
    assertThat(availability.path("target").path("display").asText()).isEqualTo("≥ 99.5%");
    assertThat(texts(availability.path("acceptance_criteria"))).first().asString()
        .contains("at most 3.6 hours of unplanned downtime in a 30-day month");
    assertThat(nonFunctional.findValuesAsText("title")).contains("Role-based access control", "Single sign-on",
        "Protection of personal data", "Audit trail", "Reconciliation with Workday");
    assertThat(byCategory(nonFunctional, "retention").path("target").path("display").asText())
        .isEqualTo("≥ 7 years");
    JsonNode response = byCategory(nonFunctional, "performance");
    assertThat(response.path("priority").asText()).isEqualTo("could");
    assertThat(response.path("target").path("display").asText()).isEqualTo("≤ 2 seconds");
    assertThat(byCategory(nonFunctional, "export_format").path("target").path("display").asText())
        .isEqualTo("Excel (XLSX)");
  }

  @Test
  void moscowFromWordingAndGivenPriorities() throws Exception {
    JsonNode doc = document(Contexts.engagement("Ops", "Operations dashboard", null).priority(Priority.MEDIUM)
        .input(Map.of("requirements", List.of(
            "Users should be able to filter by warehouse",
            "Forecasting is out of scope",
            "Nice to have: alerts on low stock",
            Map.of("text", "Compare warehouses against last month", "priority", "must")))));
    JsonNode functional = doc.path("functional");

    assertThat(byCategory(functional, "dashboard").path("priority").asText()).isEqualTo("must");
    assertThat(byCategory(functional, "search_filter").path("priority").asText()).isEqualTo("should");
    assertThat(byCategory(functional, "prediction").path("priority").asText()).isEqualTo("wont");
    assertThat(byCategory(functional, "prediction").path("statement").asText())
        .startsWith("The solution will not (in this release)");
    assertThat(byCategory(functional, "alert").path("priority").asText()).isEqualTo("could");
    JsonNode compare = byCategory(functional, "comparison");
    assertThat(compare.path("priority").asText()).isEqualTo("must");
    assertThat(compare.path("priority_rationale").asText()).isEqualTo("priority given in input_data.requirements[3]");
    assertThat(doc.path("summary").path("wont").asInt()).isEqualTo(1);
  }

  @Test
  void reviewerFeedbackAddsAndChangesRequirements() throws Exception {
    JsonNode doc = document(Contexts.guide().feedback("""
        Data must be no older than 4 hours. Exports must include CSV and PDF.
        Please also add alerts when weekly sales drop below 90% of target. Thanks!
        """));

    JsonNode freshness = byCategory(doc.path("non_functional"), "freshness");
    assertThat(freshness.path("feedback").asText()).isEqualTo("added");
    assertThat(freshness.path("target").path("display").asText()).isEqualTo("≤ 4 hours");
    assertThat(freshness.path("sources").get(0).path("field").asText()).isEqualTo("reviewer_feedback");
    JsonNode formats = byCategory(doc.path("non_functional"), "export_format");
    assertThat(formats.path("feedback").asText()).isEqualTo("changed");
    assertThat(formats.path("target").path("display").asText()).isEqualTo("CSV, PDF");
    JsonNode export = byCategory(doc.path("functional"), "export");
    assertThat(export.path("feedback").asText()).isEqualTo("changed");
    JsonNode alert = byCategory(doc.path("functional"), "alert");
    assertThat(alert.path("feedback").asText()).isEqualTo("added");
    assertThat(alert.path("priority").asText()).isEqualTo("must");
    JsonNode feedback = doc.path("reviewer_feedback");
    assertThat(texts(feedback.path("added"))).contains(freshness.path("id").asText(), alert.path("id").asText());
    assertThat(texts(feedback.path("changed"))).contains(formats.path("id").asText(), export.path("id").asText());
    assertThat(texts(feedback.path("unmapped"))).containsExactly("Thanks!");
    assertThat(byCategory(doc.path("functional"), "trend_analysis").has("feedback")).isFalse();
  }

  @Test
  void reviewerFeedbackReplacesAFigure() throws Exception {
    JsonNode doc = document(Contexts.engagement("Weekly sales",
        "Build a dashboard showing weekly sales by region with 24-hour data freshness", null)
        .feedback("Freshness must be within 1 hour, not a day."));

    JsonNode freshness = byCategory(doc.path("non_functional"), "freshness");
    assertThat(freshness.path("target").path("display").asText()).isEqualTo("≤ 1 hour");
    assertThat(freshness.path("feedback").asText()).isEqualTo("changed");
    assertThat(texts(freshness.path("notes")))
        .containsExactly("Data freshness changed by reviewer feedback from ≤ 24 hours to ≤ 1 hour");
    assertThat(freshness.path("sources").findValuesAsText("field")).containsExactly("objective", "reviewer_feedback");
  }

  @Test
  void conflictingFiguresKeepTheStricterAndAsk() throws Exception {
    JsonNode doc = document(Contexts.engagement("Sales", "Sales dashboard with 24-hour data freshness",
        "Data must be refreshed every 6 hours."));

    JsonNode freshness = byCategory(doc.path("non_functional"), "freshness");
    assertThat(freshness.path("target").path("display").asText()).isEqualTo("≤ 6 hours");
    assertThat(doc.path("open_questions").findValuesAsText("question"))
        .anySatisfy(q -> assertThat(q).contains("≤ 24 hours or ≤ 6 hours"));
  }

  @Test
  void reworkCarriesOverTheInputOfThePreviousDocument() throws Exception {
    String previous = ArtifactJson.draft(agent.run(Contexts.guide().task("requirements_gathering").build()),
        "requirements.json").content();
    JsonNode doc = document(Contexts.engagement("Sales Analytics Platform", Contexts.GUIDE_OBJECTIVE,
        Contexts.GUIDE_DESCRIPTION).previous("requirements.json", "requirements_document", previous)
        .feedback("Exports must include CSV."));

    JsonNode export = byCategory(doc.path("functional"), "export");
    assertThat(export.path("sources").get(0).path("field").asText()).isEqualTo("input_data.initial_requirements[2]");
    assertThat(doc.path("sources").findValuesAsText("carried_from")).containsOnly("requirements.json v1");
    assertThat(byCategory(doc.path("non_functional"), "export_format").path("target").path("display").asText())
        .isEqualTo("CSV");
    assertThat(byCategory(doc.path("non_functional"), "latency").path("sources").get(0).path("text").asText())
        .isEqualTo("Real-time sales dashboard");
  }

  @Test
  void statementsWithoutARequirementAreQuestionedOrKeptAsContext() throws Exception {
    JsonNode doc = document(Contexts.engagement("Sales", "Sales dashboard",
        "Our company sells garden furniture. Leadership must be happy.")
        .input(Map.of("initial_requirements", List.of("Something with the thing"))));

    assertThat(doc.path("context").findValuesAsText("text")).containsExactly("Our company sells garden furniture.");
    assertThat(where(doc.path("open_questions"), q -> q.path("kind").asText().equals("unclassified"))
        .stream().map(q -> q.path("source").path("text").asText()))
        .containsExactly("Leadership must be happy.", "Something with the thing");
  }

  @Test
  void declinesWithoutText() {
    assertThatThrownBy(() -> agent.run(Contexts.engagement("Empty", null, "  ")
        .task("requirements_gathering").build()))
        .isInstanceOf(AgentDeclinedException.class)
        .hasMessageContaining("no text to gather requirements from");
  }

  @Test
  void sameInputSameDocument() throws Exception {
    Contexts input = Contexts.guide().feedback("Exports must include CSV.").task("requirements_gathering");
    String first = ArtifactJson.draft(agent.run(input.build()), "requirements.json").content();
    String second = ArtifactJson.draft(new RequirementsGatheringAgent(new DiscoveryJson(TestJson.mapper()))
        .run(input.build()), "requirements.json")
        .content();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void guideDocumentIsStableAcrossRuns() throws Exception {
    String document = ArtifactJson.draft(agent.run(Contexts.guide().task("requirements_gathering").build()),
        "requirements.json").content();

    Golden.assertMatches("guide-requirements.json", document);
  }

  @Test
  void reportsProgressAtEachStep() throws Exception {
    AgentJournal journal = mock(AgentJournal.class);
    agent.run(Contexts.guide().task("requirements_gathering").build(journal));

    InOrder order = inOrder(journal);
    for (String step : List.of("reading_input", "extracting", "deduplicating", "questions", "done")) {
      order.verify(journal).progress(eq("task-1"), eq(step), anyString());
    }
  }

  @Test
  void analyticalAsksBecomeMetricRequirements() throws Exception {
    JsonNode doc = document(Contexts.engagement("Retail revenue", "Monthly revenue by product category, revenue by"
        + " billing country and revenue per sales rep, refreshed daily", "We also need customer lifetime value.")
        .input(Map.of("initial_requirements", List.of("Top 10 customers by revenue in 2024"))));
    List<JsonNode> metrics = where(doc.path("functional"), r -> r.path("kind").asText().equals("metric"));
    assertThat(metrics).extracting(m -> m.path("metric").path("dimensions").toString()).containsExactly(
        "[\"product category\"]", "[\"billing country\"]", "[\"sales rep\"]", "[\"customer\"]", "[\"customer\"]");
    JsonNode monthly = metrics.get(0).path("metric");
    assertThat(monthly.path("measure").asText()).isEqualTo("revenue");
    assertThat(monthly.path("aggregation").asText()).isEqualTo("sum");
    assertThat(monthly.path("grain").asText()).isEqualTo("month");
    assertThat(monthly.path("source_sentence").asText()).startsWith("Monthly revenue by product category");
    assertThat(metrics.get(3).path("metric").path("measure").asText()).isEqualTo("lifetime_value");
    JsonNode top = metrics.get(4).path("metric");
    assertThat(top.path("ranking").path("limit").asInt()).isEqualTo(10);
    assertThat(top.path("filters").get(0).path("value").asText()).isEqualTo("2024");
    assertThat(doc.path("open_questions").findValuesAsText("question")).noneMatch(q -> q.contains("names no feature"));
    assertThat(byCategory(doc.path("non_functional"), "freshness")).isNotNull();
  }

  @Test
  void theTaskDescriptionIsRead() throws Exception {
    JsonNode doc = document(Contexts.engagement("Music", "A listening analytics platform", null)
        .taskDescription("Gather the requirements. Number of streams for each genre per quarter."));
    List<JsonNode> metrics = where(doc.path("functional"), r -> r.path("kind").asText().equals("metric"));
    assertThat(metrics).hasSize(1);
    assertThat(metrics.get(0).path("sources").findValuesAsText("field")).containsExactly("task.description");
    assertThat(metrics.get(0).path("metric").path("grain").asText()).isEqualTo("quarter");
  }
}
