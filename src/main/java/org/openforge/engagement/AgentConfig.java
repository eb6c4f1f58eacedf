package org.openforge.engagement;

import java.util.ArrayList;
import java.util.List;
import org.openforge.process.ApprovalType;
import org.openforge.system.ApiEnum;
import org.openforge.system.ApiException;
import org.openforge.system.FieldViolation;

/**
 * How an engagement's agents work: whether a phase's agents start on entry ({@code auto_run}), which approvals go to a
 * person, the confidence above which approvals are automatic, the approval types always reviewed by a person, and
 * optionally the language model to use.
 */
public record AgentConfig(Boolean autoRun, ApprovalSettings approvalSettings, Double autoApproveThreshold,
    List<String> alwaysRequireApproval, LlmSettings llm) {

  public static final AgentConfig DEFAULTS = new AgentConfig(true, ApprovalSettings.DEFAULTS, null, List.of(), null);

  /** Per-engagement model choice; provider {@code builtin} (the default), {@code openai}, {@code ollama} or {@code anthropic}. */
  public record LlmSettings(String provider, String model, String baseUrl, Double temperature, Integer maxTokens,
      Long tokenBudget) {}

  /**
   * The settings that let approvals happen without a person, compared with the defaults: human review switched
   * off for phase transitions, schema changes or deployments, or an automatic-approval threshold.
   */
  public List<String> weakenedApprovals() {
    List<String> weakened = new java.util.ArrayList<>();
    ApprovalSettings s = approvalSettings == null ? ApprovalSettings.DEFAULTS : approvalSettings;
    if (Boolean.FALSE.equals(s.phaseTransitions())) {
      weakened.add("approval_settings.phase_transitions");
    }
    if (Boolean.FALSE.equals(s.schemaChanges())) {
      weakened.add("approval_settings.schema_changes");
    }
    if (Boolean.FALSE.equals(s.deployments())) {
      weakened.add("approval_settings.deployments");
    }
    if (autoApproveThreshold != null) {
      weakened.add("auto_approve_threshold");
    }
    return weakened;
  }

  public AgentConfig withDefaults() {
    return new AgentConfig(
        autoRun == null || autoRun,
        (approvalSettings == null ? ApprovalSettings.DEFAULTS : approvalSettings).withDefaults(),
        autoApproveThreshold,
        alwaysRequireApproval == null ? List.of() : List.copyOf(alwaysRequireApproval),
        llm);
  }

  public boolean alwaysRequires(ApprovalType type) {
    return alwaysRequireApproval != null && alwaysRequireApproval.contains(type.value());
  }

  /**
   * Checks the values a JSON schema cannot express; field paths are relative to the request body.
   *
   * @param providers the LLM providers this platform offers
   */
  public AgentConfig validated(String path, List<String> providers) {
    List<FieldViolation> violations = new ArrayList<>();
    if (autoApproveThreshold != null && (autoApproveThreshold < 0 || autoApproveThreshold > 1
        || autoApproveThreshold.isNaN())) {
      violations.add(new FieldViolation(path + ".auto_approve_threshold", "must be between 0 and 1"));
    }
    if (alwaysRequireApproval != null) {
      List<String> valid = ApiEnum.values(ApprovalType.class);
      for (int i = 0; i < alwaysRequireApproval.size(); i++) {
        String type = alwaysRequireApproval.get(i);
        if (!valid.contains(type)) {
          violations.add(new FieldViolation(path + ".always_require_approval[" + i + "]",
              "must be one of " + valid + ", got '" + type + "'"));
        }
      }
    }
    if (approvalSettings != null && approvalSettings.toolExecutions() != null) {
      List<String> tools = approvalSettings.toolExecutions();
      for (int i = 0; i < tools.size(); i++) {
        if (tools.get(i) == null || tools.get(i).isBlank()) {
          violations.add(new FieldViolation(path + ".approval_settings.tool_executions[" + i + "]",
              "must be a tool name"));
        }
      }
    }
    if (llm != null && llm.provider() != null && !providers.contains(llm.provider())) {
      violations.add(new FieldViolation(path + ".llm.provider",
          "must be one of " + providers + ", got '" + llm.provider() + "'"));
    }
    if (llm != null && llm.tokenBudget() != null && llm.tokenBudget() < 1) {
      violations.add(new FieldViolation(path + ".llm.token_budget", "must be 1 or more"));
    }
    if (!violations.isEmpty()) {
      throw ApiException.invalid(violations);
    }
    return this;
  }
}
