package org.openforge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openforge.agent.llm.AgentMessage;
import org.openforge.agent.llm.AgentMessageRepository;
import org.openforge.agent.llm.LlmAssist;
import org.openforge.agent.llm.LlmProperties;
import org.openforge.agent.llm.LlmProviders;
import org.openforge.agent.tool.ToolApprovals;
import org.openforge.agent.tool.ToolRegistry;
import org.openforge.approval.ApprovalRepository;
import org.openforge.engagement.AgentConfig;
import org.openforge.engagement.ArtifactRepository;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.ArtifactVersions;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.engagement.Priority;
import org.openforge.process.ApprovalType;
import org.openforge.process.Phase;
import org.openforge.system.Database;
import org.openforge.support.ScriptedChatModels;
import org.openforge.system.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The agent runner without a process engine or Spring context: real repositories over an in-memory H2 database
 * migrated by Flyway, the scripted fake model, and an agent whose behaviour each test sets.
 */
class AgentRunnerTest {

  private static final String TASK_TYPE = "stakeholder_analysis";

  /** What the agent of a test does. */
  private interface Behaviour {
    AgentResult run(AgentContext context) throws Exception;
  }

  private Behaviour behaviour;
  private AgentRunner runner;
  private AgentTaskRepository tasks;
  private AgentMessageRepository messages;
  private JournalWriter writer;
  private EngagementRepository engagements;
  private final ScriptedChatModels models = new ScriptedChatModels();
  private String engagementId;

  @org.junit.jupiter.api.AfterEach
  void closeJournal() {
    writer.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:runner-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("of_schema_history").load()
        .migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    DataSourceTransactionManager tx = new DataSourceTransactionManager(dataSource);
    JsonText json = new JsonText(new ObjectMapper().findAndRegisterModules());
    Clock clock = Clock.systemUTC();
    tasks = new AgentTaskRepository(jdbc, json, tx);
    AgentEventRepository events = new AgentEventRepository(jdbc, json);
    writer = new JournalWriter(tx);
    AgentJournal journal = new AgentJournal(tasks, events, tx, writer, event -> { }, clock);
    engagements = new EngagementRepository(jdbc, json, new Database(dataSource));
    ApprovalRepository approvals = new ApprovalRepository(jdbc, json);
    messages = new AgentMessageRepository(jdbc, json, writer, clock);
    ToolRegistry tools = new ToolRegistry(List.of());
    // the agents of these runs ask for no approval through the service (an ApprovalPending is thrown directly)
    AgentApprovals agentApprovals = new AgentApprovals(approvals, null, null, json.mapper());
    LlmProperties builtin = new LlmProperties(null, null, null, null, null, null, 120, 200_000, 10, 600, null);
    Agent agent = new Agent() {
      @Override
      public String taskType() {
        return TASK_TYPE;
      }

      @Override
      public AgentResult run(AgentContext context) throws Exception {
        return behaviour.run(context);
      }
    };
    runner = new AgentRunner(new AgentRegistry(List.of(agent)), tasks, events, journal, engagements,
        new ArtifactService(new ArtifactRepository(jdbc, json), engagements, new ArtifactVersions(jdbc, tx,
            new org.springframework.beans.factory.support.DefaultListableBeanFactory()
                .getBeanProvider(ArtifactVersions.ShortTransactions.class)), clock), approvals, tools,
        new ToolApprovals(agentApprovals), agentApprovals, new LlmProviders(List.of(models), builtin), builtin,
        new LlmAssist(tools, json.mapper()), messages, json, event -> { }, clock);
    engagementId = engagement(AgentConfig.DEFAULTS);
  }

  private String engagement(AgentConfig config) {
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now();
    engagements.insert(new Engagement(id, "Runner", "test the runner", null, Priority.MEDIUM, config, false, null,
        "tester", now, now));
    return id;
  }

  @Test
  void aCompletedRunRecordsItsResult() {
    behaviour = context -> new AgentResult(Map.of("stakeholder_count", 3), List.of(), 0.8, "three stakeholders");

    AgentRunOutcome outcome = runner.run(request("run-1", true));

    assertThat(outcome).isEqualTo(new AgentRunOutcome.Completed("three stakeholders"));
    AgentTask task = tasks.findByExecution("run-1").orElseThrow();
    assertThat(task.status()).isEqualTo(AgentTaskStatus.COMPLETED);
    assertThat(task.result()).containsEntry("stakeholder_count", 3).containsEntry("artifacts", List.of());
    assertThat(task.summary()).isEqualTo("three stakeholders");
  }

  @Test
  void aDeclinedRunFailsTheTaskForGoodWithItsReason() {
    behaviour = context -> {
      throw new AgentDeclinedException("no brief to analyse");
    };

    AgentRunOutcome outcome = runner.run(request("run-2", false));

    assertThat(outcome).isEqualTo(new AgentRunOutcome.Declined("no brief to analyse"));
    AgentTask task = tasks.findByExecution("run-2").orElseThrow();
    assertThat(task.status()).isEqualTo(AgentTaskStatus.FAILED);
    assertThat(task.error()).isEqualTo("no brief to analyse");
    assertThat(messages.forTask(task.id())).extracting(AgentMessage::content).contains("Declined: no brief to analyse");
  }

  @Test
  void aStepWaitingForApprovalLeavesTheTaskWaiting() {
    ApprovalPending pending = new ApprovalPending(ApprovalType.TOOL_EXECUTION, "Run a query", "needs a reviewer",
        List.of(), Map.of(), "tool-approval");
    behaviour = context -> {
      throw pending;
    };

    AgentRunOutcome outcome = runner.run(request("run-3", true));

    assertThat(outcome).isEqualTo(new AgentRunOutcome.NeedsApproval(pending));
    assertThat(tasks.findByExecution("run-3").orElseThrow().status()).isEqualTo(AgentTaskStatus.WAITING_APPROVAL);
  }

  @Test
  void aTechnicalFailureIsRetriedUntilTheLastAttemptFailsTheTask() {
    IllegalStateException broken = new IllegalStateException("source unreachable");
    behaviour = context -> {
      throw broken;
    };

    AgentRunOutcome first = runner.run(request("run-4", false));
    assertThat(first).isEqualTo(new AgentRunOutcome.Failed(broken));
    AgentTask retrying = tasks.findByExecution("run-4").orElseThrow();
    assertThat(retrying.status()).isEqualTo(AgentTaskStatus.PENDING);
    assertThat(retrying.attempts()).isEqualTo(1);

    AgentRunOutcome last = runner.run(request("run-4", true));
    assertThat(last).isEqualTo(new AgentRunOutcome.Failed(broken));
    AgentTask failed = tasks.findByExecution("run-4").orElseThrow();
    assertThat(failed.status()).isEqualTo(AgentTaskStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.error()).isEqualTo("source unreachable");
  }

  @Test
  void aModelFailingInTheReviewOnTheLastAttemptFailsTheTask() {
    engagementId = engagement(new AgentConfig(true, AgentConfig.DEFAULTS.approvalSettings(), null, List.of(),
        new AgentConfig.LlmSettings("scripted", "runner-review", null, null, null, null)));
    models.script("runner-review", ScriptedChatModels.fail("model down"));
    behaviour = context -> new AgentResult(Map.of(), List.of(), 0.8, "three stakeholders");

    AgentRunOutcome outcome = runner.run(request("run-5", true));

    assertThat(outcome).isInstanceOf(AgentRunOutcome.Failed.class);
    assertThat(models.requests("runner-review")).hasSize(1);
    assertThat(models.requests("runner-review").get(0).messages().toString()).contains("three stakeholders");
    AgentTask task = tasks.findByExecution("run-5").orElseThrow();
    assertThat(task.status()).isEqualTo(AgentTaskStatus.FAILED);
    assertThat(task.error()).contains("model down");
  }

  private AgentRunRequest request(String runKey, boolean lastAttempt) {
    return new AgentRunRequest(null, TASK_TYPE, Phase.DISCOVERY, engagementId, "process-" + runKey, runKey,
        lastAttempt);
  }
}
