package org.openforge.agent.discovery.stakeholder;

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

class StakeholderAnalysisAgentTest {

  private final StakeholderAnalysisAgent agent = new StakeholderAnalysisAgent(new DiscoveryJson(TestJson.mapper()));

  @Test
  void guideStakeholdersLandInTheirQuadrants() throws Exception {
    AgentResult result = agent.run(Contexts.guide().build());
    JsonNode doc = json(result, "stakeholder-analysis.json");
    JsonNode stakeholders = doc.path("stakeholders");

    assertThat(stakeholders).hasSize(3);
    JsonNode vp = one(stakeholders, "name", "Sales VP");
    JsonNode managers = one(stakeholders, "name", "Regional Managers");
    JsonNode data = one(stakeholders, "name", "Data Team");
    assertThat(vp.path("category").asText()).isEqualTo("executive");
    assertThat(vp.path("quadrant").asText()).isEqualTo("manage_closely");
    assertThat(vp.path("priority").asText()).isEqualTo("high");
    assertThat(managers.path("category").asText()).isEqualTo("business_user");
    assertThat(managers.path("quadrant").asText()).isEqualTo("keep_informed");
    assertThat(data.path("category").asText()).isEqualTo("technical");
    assertThat(data.path("quadrant").asText()).isEqualTo("keep_informed");
    assertThat(texts(doc.path("priority_matrix").path("manage_closely"))).containsExactly("Sales VP");
    assertThat(texts(doc.path("priority_matrix").path("keep_informed")))
        .containsExactly("Regional Managers", "Data Team");
    assertThat(result.confidence()).isEqualTo(0.95);
  }

  @Test
  void scoresExplainTheirDerivation() throws Exception {
    JsonNode stakeholders = json(agent.run(Contexts.guide().build()), "stakeholder-analysis.json")
        .path("stakeholders");

    JsonNode vp = one(stakeholders, "name", "Sales VP");
    assertThat(vp.path("influence").path("score").asInt()).isEqualTo(5);
    assertThat(texts(vp.path("influence").path("derivation")))
        .containsExactly("5: base for role 'executive_sponsor' (executive)");
    assertThat(vp.path("interest").path("score").asInt()).isEqualTo(5);
    assertThat(texts(vp.path("interest").path("derivation"))).anySatisfy(step -> assertThat(step)
        .contains("their area ('sales')").contains("Build a comprehensive sales analytics dashboard"));
    JsonNode managers = one(stakeholders, "name", "Regional Managers");
    assertThat(texts(managers.path("interest").path("derivation"))).anySatisfy(step -> assertThat(step)
        .contains("'regional'").contains("Analyze sales trends across regions"));
  }

  @Test
  void communicationFollowsRoleAndPriority() throws Exception {
    JsonNode stakeholders = json(agent.run(Contexts.guide().build()), "stakeholder-analysis.json")
        .path("stakeholders");

    JsonNode vp = one(stakeholders, "name", "Sales VP").path("communication");
    assertThat(vp.path("frequency").asText()).isEqualTo("monthly");
    assertThat(vp.path("format").asText()).contains("steering summary").contains("dashboard");
    JsonNode users = one(stakeholders, "name", "Regional Managers").path("communication");
    assertThat(users.path("frequency").asText()).isEqualTo("weekly");
    assertThat(users.path("channel").asText()).contains("demo");
    assertThat(users.path("format").asText()).contains("training");

    JsonNode critical = json(agent.run(Contexts.guide().priority(Priority.CRITICAL).build()),
        "stakeholder-analysis.json").path("stakeholders");
    assertThat(one(critical, "name", "Sales VP").path("communication").path("frequency").asText())
        .isEqualTo("bi-weekly");
  }

  @Test
  void concernsComeFromTheInitialRequirements() throws Exception {
    JsonNode stakeholders = json(agent.run(Contexts.guide().build()), "stakeholder-analysis.json")
        .path("stakeholders");

    JsonNode export = one(one(stakeholders, "name", "Regional Managers").path("concerns"), "topic", "export");
    assertThat(export.path("need").asText()).contains("exports");
    assertThat(export.path("sources").get(0).path("field").asText()).isEqualTo("input_data.initial_requirements[2]");
    assertThat(export.path("sources").get(0).path("text").asText()).isEqualTo("Export capabilities");
    JsonNode latency = one(one(stakeholders, "name", "Data Team").path("concerns"), "topic", "latency");
    assertThat(latency.path("sources").get(0).path("text").asText()).isEqualTo("Real-time sales dashboard");
    assertThat(where(one(stakeholders, "name", "Sales VP").path("concerns"),
        c -> c.path("topic").asText().equals("export"))).isEmpty();
  }

  @Test
  void raciMakesTheSponsorAccountable() throws Exception {
    JsonNode raci = json(agent.run(Contexts.guide().build()), "stakeholder-analysis.json").path("raci");

    assertThat(raci).hasSize(4);
    assertThat(where(raci, r -> r.path("accountable").asText().equals("Sales VP"))).hasSize(4);
    JsonNode discovery = one(raci, "phase", "discovery");
    assertThat(texts(discovery.path("responsible"))).containsExactly("Regional Managers");
    assertThat(texts(discovery.path("consulted"))).containsExactly("Data Team");
    assertThat(texts(one(raci, "phase", "build").path("responsible"))).containsExactly("Data Team");
    assertThat(texts(one(raci, "phase", "build").path("consulted"))).containsExactly("Regional Managers");
  }

  @Test
  void artifactsAndMetadata() throws Exception {
    AgentResult result = agent.run(Contexts.guide().build());

    ArtifactService.Draft json = ArtifactJson.draft(result, "stakeholder-analysis.json");
    assertThat(json.kind()).isEqualTo("stakeholder_analysis");
    assertThat(json.mediaType()).isEqualTo("application/json");
    assertThat(json.metadata()).containsExactly(Map.entry("stakeholder_count", 3),
        Map.entry("high_priority_count", 1));
    ArtifactService.Draft md = ArtifactJson.draft(result, "stakeholder-analysis.md");
    assertThat(md.mediaType()).isEqualTo("text/markdown");
    assertThat(md.kind()).isEqualTo("stakeholder_analysis_report");
    assertThat(md.content()).contains("| SH-1 | Sales VP | executive_sponsor | executive | 5 | 5 | Manage closely");
    assertThat(fieldNames(json(result, "stakeholder-analysis.json")))
        .contains("stakeholder_count", "high_priority_count", "priority_matrix", "role_basis")
        .noneMatch(name -> name.chars().anyMatch(Character::isUpperCase));
    assertThat(result.outputs()).containsKeys("stakeholders", "priority_matrix", "raci");
    assertThat(result.summary()).startsWith("3 stakeholders, 1 high priority");
  }

  @Test
  void findsStakeholdersInTheTextWithTheirSentences() throws Exception {
    AgentResult result = agent.run(Contexts.engagement("Regional margin review",
        "Give regional managers and the finance team one view of margin by store",
        "The VP of Sales approves the rollout. Store managers need a weekly margin report.").build());
    JsonNode stakeholders = json(result, "stakeholder-analysis.json").path("stakeholders");

    assertThat(stakeholders.findValuesAsText("name"))
        .containsExactly("Regional Managers", "Finance Team", "VP of Sales", "Store Managers");
    JsonNode managers = one(stakeholders, "name", "Regional Managers");
    assertThat(managers.path("source").asText()).isEqualTo("text");
    assertThat(managers.path("mentions").get(0).path("field").asText()).isEqualTo("objective");
    assertThat(managers.path("mentions").get(0).path("text").asText())
        .isEqualTo("Give regional managers and the finance team one view of margin by store");
    JsonNode vp = one(stakeholders, "name", "VP of Sales");
    assertThat(vp.path("category").asText()).isEqualTo("executive");
    assertThat(texts(vp.path("influence").path("derivation")))
        .anySatisfy(s -> assertThat(s).startsWith("+1: decision role"));
    assertThat(one(stakeholders, "name", "Finance Team").path("category").asText()).isEqualTo("business_user");
    assertThat(texts(one(stakeholders, "name", "Store Managers").path("interest").path("derivation")))
        .anySatisfy(s -> assertThat(s).contains("user or beneficiary"));
    assertThat(result.confidence()).isLessThan(0.8);
  }

  @Test
  void mergesMentionsIntoGivenStakeholders() throws Exception {
    AgentResult result = agent.run(Contexts.engagement("Sales", "Build a pipeline dashboard for the VP of Sales",
        "Regional managers need exports.").input(Map.of("stakeholders", List.of(
            Map.of("name", "Sales VP", "role", "executive_sponsor"),
            Map.of("name", "Regional Managers", "role", "primary_users")))).build());
    JsonNode stakeholders = json(result, "stakeholder-analysis.json").path("stakeholders");

    assertThat(stakeholders).hasSize(2);
    JsonNode vp = one(stakeholders, "name", "Sales VP");
    assertThat(vp.path("source").asText()).isEqualTo("input_and_text");
    assertThat(vp.path("mentions").get(0).path("text").asText())
        .isEqualTo("Build a pipeline dashboard for the VP of Sales");
    assertThat(texts(vp.path("interest").path("derivation")))
        .anySatisfy(s -> assertThat(s).startsWith("+1: named in the objective"));
    assertThat(one(stakeholders, "name", "Regional Managers").path("concerns").get(0).path("topic").asText())
        .isEqualTo("stated");
  }

  @Test
  void acceptsPlainStringsAndGivenScores() throws Exception {
    AgentResult result = agent.run(Contexts.engagement("Finance", "Monthly close dashboard", null)
        .input(Map.of("stakeholders", List.of("CFO", "Store managers (primary users)", "Mystery Guest",
            Map.of("name", "Audit Committee", "influence", 5, "interest", "low")))).build());
    JsonNode stakeholders = json(result, "stakeholder-analysis.json").path("stakeholders");

    JsonNode cfo = one(stakeholders, "name", "CFO");
    assertThat(cfo.path("category").asText()).isEqualTo("executive");
    assertThat(cfo.path("role_basis").asText()).isEqualTo("name 'CFO'");
    JsonNode store = one(stakeholders, "name", "Store managers");
    assertThat(store.path("role").asText()).isEqualTo("primary users");
    assertThat(store.path("category").asText()).isEqualTo("business_user");
    JsonNode audit = one(stakeholders, "name", "Audit Committee");
    assertThat(audit.path("influence").path("score").asInt()).isEqualTo(5);
    assertThat(audit.path("interest").path("score").asInt()).isEqualTo(2);
    assertThat(audit.path("quadrant").asText()).isEqualTo("keep_satisfied");
    assertThat(texts(audit.path("influence").path("derivation")))
        .containsExactly("5: given in input_data.stakeholders[3].influence");
    JsonNode guest = one(stakeholders, "name", "Mystery Guest");
    assertThat(guest.path("category").asText()).isEqualTo("other");
    assertThat(guest.path("quadrant").asText()).isEqualTo("monitor");
    assertThat(guest.path("communication").path("channel").asText()).isEqualTo("Status digest email");
    assertThat(texts(json(result, "stakeholder-analysis.json").path("open_questions")))
        .anySatisfy(q -> assertThat(q).contains("What role does Mystery Guest play"));
  }

  @Test
  void dataSubjectsAndLoadFiguresAreNotStakeholders() {
    assertThatThrownBy(() -> agent.run(Contexts.engagement("Behaviour", "Track customer behavior patterns",
        "Dashboards must serve 200 concurrent users. Compare carriers by on-time rate.").build()))
        .isInstanceOf(AgentDeclinedException.class);
  }

  @Test
  void declinesWithoutAnyStakeholder() {
    assertThatThrownBy(() -> agent.run(Contexts.engagement("Sales", Contexts.GUIDE_OBJECTIVE,
        Contexts.GUIDE_DESCRIPTION).build()))
        .isInstanceOf(AgentDeclinedException.class)
        .hasMessageContaining("no stakeholders")
        .hasMessageContaining("input_data.stakeholders");
  }

  @Test
  void churnDataMartFromTextOnly() throws Exception {
    AgentResult result = agent.run(Contexts.engagement("Churn data mart",
        "Build a churn-prediction data mart for the retention team",
        """
        Data scientists train the model; CRM managers want a weekly list of at-risk customers.
        The data protection officer must approve the use of personal data.
        """).priority(Priority.MEDIUM).build());
    JsonNode doc = json(result, "stakeholder-analysis.json");
    JsonNode stakeholders = doc.path("stakeholders");

    assertThat(one(stakeholders, "name", "Retention Team").path("category").asText()).isEqualTo("business_user");
    assertThat(one(stakeholders, "name", "Data Scientists").path("category").asText()).isEqualTo("technical");
    assertThat(one(stakeholders, "name", "CRM Managers").path("category").asText()).isEqualTo("management");
    JsonNode dpo = one(stakeholders, "name", "Data Protection Officer");
    assertThat(dpo.path("category").asText()).isEqualTo("compliance");
    assertThat(dpo.path("quadrant").asText()).isEqualTo("keep_satisfied");
    assertThat(one(dpo.path("concerns"), "topic", "security").path("sources").get(0).path("text").asText())
        .contains("personal data");
    assertThat(where(stakeholders, s -> s.path("name").asText().toLowerCase().contains("customer"))).isEmpty();
    assertThat(texts(doc.path("open_questions")))
        .anySatisfy(q -> assertThat(q).startsWith("Who sponsors the engagement"));
    assertThat(one(doc.path("raci"), "phase", "deploy").path("note").asText()).contains("no executive named");
  }

  @Test
  void hrSponsorFoundInTheText() throws Exception {
    JsonNode stakeholders = json(agent.run(Contexts.hrAttrition().build()), "stakeholder-analysis.json")
        .path("stakeholders");

    assertThat(stakeholders.findValuesAsText("name")).containsExactly("HR Business Partners", "CHRO", "Analysts");
    JsonNode chro = one(stakeholders, "name", "CHRO");
    assertThat(chro.path("role").asText()).isEqualTo("executive_sponsor");
    assertThat(chro.path("quadrant").asText()).isEqualTo("manage_closely");
    JsonNode partners = one(stakeholders, "name", "HR Business Partners");
    assertThat(texts(partners.path("interest").path("derivation")))
        .anySatisfy(s -> assertThat(s).startsWith("+1: named in the objective"))
        .anySatisfy(s -> assertThat(s).startsWith("+1: named as user or beneficiary"));
    assertThat(one(one(stakeholders, "name", "Analysts").path("concerns"), "topic", "export").path("sources")
        .get(0).path("text").asText()).contains("export to Excel");
  }

  @Test
  void reviewerFeedbackCanNameStakeholders() throws Exception {
    AgentResult result = agent.run(Contexts.guide()
        .feedback("The CFO must sign off the requirements; add her as approver.").build());
    JsonNode cfo = one(json(result, "stakeholder-analysis.json").path("stakeholders"), "name", "CFO");

    assertThat(cfo.path("mentions").get(0).path("field").asText()).isEqualTo("reviewer_feedback");
    assertThat(cfo.path("influence").path("score").asInt()).isEqualTo(5);
    assertThat(texts(cfo.path("influence").path("derivation"))).anySatisfy(s -> assertThat(s).contains("sign off"));
  }

  @Test
  void carriesOverGivenStakeholdersOnRework() throws Exception {
    String previous = ArtifactJson.draft(agent.run(Contexts.guide().build()), "stakeholder-analysis.json").content();
    AgentResult rework = agent.run(Contexts.engagement("Sales Analytics Platform", Contexts.GUIDE_OBJECTIVE,
        Contexts.GUIDE_DESCRIPTION).previous("stakeholder-analysis.json", "stakeholder_analysis", previous)
        .feedback("Please add the regional directors.").build());
    JsonNode stakeholders = json(rework, "stakeholder-analysis.json").path("stakeholders");

    assertThat(one(stakeholders, "name", "Sales VP").path("source").asText()).isEqualTo("previous_analysis");
    assertThat(one(stakeholders, "name", "Regional Managers").path("role").asText()).isEqualTo("primary_users");
    assertThat(one(stakeholders, "name", "Regional Directors").path("source").asText()).isEqualTo("text");
  }

  @Test
  void sameInputSameDocument() throws Exception {
    String first = ArtifactJson.draft(agent.run(Contexts.guide().build()), "stakeholder-analysis.json").content();
    String second = ArtifactJson.draft(new StakeholderAnalysisAgent(new DiscoveryJson(TestJson.mapper())).run(Contexts.guide().build()),
        "stakeholder-analysis.json").content();

    assertThat(second).isEqualTo(first);
    // across JVM runs too: the guide's document is kept as a file
    Golden.assertMatches("guide-stakeholder-analysis.json", first);
  }

  @Test
  void reportsProgressAtEachStep() throws Exception {
    AgentJournal journal = mock(AgentJournal.class);
    agent.run(Contexts.guide().build(journal));

    InOrder order = inOrder(journal);
    for (String step : List.of("reading_input", "identifying", "scoring", "planning", "done")) {
      order.verify(journal).progress(eq("task-1"), eq(step), anyString());
    }
  }

  @Test
  void stakeholdersNamedInTheTaskDescriptionAreAnalysed() throws Exception {
    JsonNode doc = json(agent.run(Contexts.engagement("Retail", "Monthly revenue by product category", null)
        .taskDescription("Analyse the stakeholders: the finance team, regional managers, the VP of Sales, store"
            + " managers and the data engineering team.").task("stakeholder_analysis").build()),
        "stakeholder-analysis.json");
    assertThat(doc.path("stakeholders").size()).as(doc.path("stakeholders").findValuesAsText("name").toString())
        .isGreaterThanOrEqualTo(4);
  }
}
