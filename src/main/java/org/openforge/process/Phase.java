package org.openforge.process;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openforge.system.ApiEnum;

/** The lifecycle's phases in order; {@code complete} is where a finished engagement stands. */
public enum Phase implements ApiEnum {
  DISCOVERY("discovery", "Discovery",
      List.of("stakeholder_analysis", "requirements_gathering", "source_discovery"),
      List.of("stakeholder_analysis", "requirements_document", "source_catalog")),
  DESIGN("design", "Design",
      List.of("ontology_design", "schema_validation", "transformation_design"),
      List.of("ontology", "schema_validation_report", "transformation_mapping")),
  BUILD("build", "Build",
      List.of("pipeline_creation", "integration_setup", "ui_generation"),
      List.of("pipeline_spec", "data_api", "ui_components")),
  DEPLOY("deploy", "Deploy",
      List.of("deployment_config"),
      List.of("deployment_config", "security_review", "load_test_report")),
  COMPLETE("complete", "Complete", List.of(), List.of());

  private final String value;
  private final String label;
  private final List<String> taskTypes;
  private final List<String> outputs;

  Phase(String value, String label, List<String> taskTypes, List<String> outputs) {
    this.value = value;
    this.label = label;
    this.taskTypes = taskTypes;
    this.outputs = outputs;
  }

  /** The artifact kinds this phase is expected to produce. */
  public List<String> outputs() {
    return outputs;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  /** The agent task types that belong to this phase (DESIGN §5). */
  public List<String> taskTypes() {
    return taskTypes;
  }

  public String processKey() {
    return "phase-" + value;
  }

  public boolean isWorkPhase() {
    return this != COMPLETE;
  }

  /** Approval type of the sign-off that ends this phase. */
  public String signOffApprovalType() {
    return this == DEPLOY ? "deployment" : "phase_transition";
  }

  public Optional<Phase> next() {
    return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
  }

  @JsonCreator
  public static Phase parse(String raw) {
    return ApiEnum.parse(Phase.class, "phase", raw);
  }

  public static Optional<Phase> ofProcessKey(String processKey) {
    return Arrays.stream(values()).filter(p -> p.isWorkPhase() && p.processKey().equals(processKey)).findFirst();
  }

  public static Optional<Phase> ofTaskType(String taskType) {
    return Arrays.stream(values()).filter(p -> p.taskTypes.contains(taskType)).findFirst();
  }
}
