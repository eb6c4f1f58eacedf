package org.openforge.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openforge.OpenForgeApplication;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every Spring test: one shared context (same configuration everywhere, so Spring caches it), a real HTTP
 * port, the engine with its job executor off, scripted agents, and helpers to drive and assert processes.
 */
@SpringBootTest(classes = OpenForgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestAgentsConfig.class)
public abstract class IntegrationTest {

  public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_PASSWORD = "admin-test-password";

  @LocalServerPort
  protected int port;
  @Autowired
  protected RuntimeService runtime;
  @Autowired
  protected TaskService tasks;
  @Autowired
  protected HistoryService history;
  @Autowired
  protected ManagementService management;
  @Autowired
  protected RepositoryService repository;
  @Autowired
  protected ScriptedAgents agents;
  @Autowired
  protected ScriptedChatModels models;

  protected Api api() {
    return new Api(port, ADMIN_KEY);
  }

  protected Api anonymous() {
    return new Api(port, null);
  }

  /** A new API key with the given role. */
  protected Api withRole(String role) {
    Api.Response created = api().post("/api/v1/api-keys", Map.of("name", "test-" + role, "role", role));
    if (created.status() != 201) {
      throw new IllegalStateException("cannot create key: " + created);
    }
    return api().as(created.text("key"));
  }

  protected ProcessDriver driver() {
    return new ProcessDriver(runtime, management);
  }

  protected ProcessAssert processes() {
    return new ProcessAssert(runtime, history);
  }

  /** Creates an engagement through the API; extra fields override the defaults. */
  protected JsonNode createEngagement(Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Sales Analytics Platform");
    body.put("objective", "Build a dashboard showing weekly sales by region with 24-hour data freshness");
    body.put("priority", "high");
    body.putAll(extra);
    Api.Response response = api().post("/api/v1/engagements", body);
    if (response.status() != 201) {
      throw new IllegalStateException("create failed: " + response);
    }
    return response.json();
  }

  protected JsonNode engagement(String id) {
    return api().get("/api/v1/engagements/" + id).json();
  }

  protected String status(String id) {
    return engagement(id).get("status").asText();
  }
}
