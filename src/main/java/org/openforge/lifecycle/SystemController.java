package org.openforge.lifecycle;

import org.openforge.system.Database;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.openforge.agent.AgentRegistry;
import org.openforge.agent.llm.LlmProperties;
import org.openforge.agent.llm.LlmProviders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/system")
@Tag(name = "System", description = "What this platform runs: database, engine, models, agents, workflow versions")
public class SystemController {

  private final Database database;
  private final ProcessEngine engine;
  private final RepositoryService repository;
  private final LlmProviders providers;
  private final LlmProperties llm;
  private final AgentRegistry agents;

  public SystemController(Database database, ProcessEngine engine, RepositoryService repository,
      LlmProviders providers, LlmProperties llm, AgentRegistry agents) {
    this.database = database;
    this.engine = engine;
    this.repository = repository;
    this.providers = providers;
    this.llm = llm;
    this.agents = agents;
  }

  public record Models(String defaultProvider, String defaultModel, List<String> providers,
      Map<String, String> unavailable) {}

  public record Workflow(String key, int version, String id, String deploymentId) {}

  public record SystemInfo(String database, String engine, Models llm, List<String> agents,
      List<Workflow> workflows) {}

  @GetMapping
  @Operation(summary = "Platform information",
      description = "Database, engine, LLM providers (and those whose library does not link), agent task types "
          + "with an agent, and the latest version of each workflow.")
  public SystemInfo info() {
    List<Workflow> workflows = repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey()
        .asc().list().stream().map(SystemController::workflow).toList();
    String version = ProcessEngine.class.getPackage().getImplementationVersion();
    return new SystemInfo(database.product(), "Operaton " + (version == null ? "" : version) + " (" + engine.getName()
        + ")",
        new Models(llm.provider(), llm.model(), providers.names(), providers.unavailable()),
        AgentRegistry.TASK_TYPES.stream().filter(t -> agents.find(t).isPresent()).toList(), workflows);
  }

  private static Workflow workflow(ProcessDefinition d) {
    return new Workflow(d.getKey(), d.getVersion(), d.getId(), d.getDeploymentId());
  }
}
