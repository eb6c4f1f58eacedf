package org.openforge.engagement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /engagements}. {@code submit: false} keeps the engagement a draft. The objective may be left out (the
 * guide creates engagements with a name and settings only) but not given blank. {@code target}: the id of a data
 * source registered with {@code "role": "target"} the data product is loaded into (default: the embedded DuckDB).
 */
public record CreateEngagementRequest(
    @NotBlank @Size(max = 200) String name,
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 10000) String objective,
    @Size(max = 50000) String description,
    Priority priority,
    @Valid AgentConfig agentConfig,
    @Size(max = 50) List<@NotNull @Size(min = 1, max = 36) String> dataSourceIds,
    Boolean requiresApproval,
    Boolean submit,
    @Size(min = 1, max = 36) String target) {

  public CreateEngagementRequest(String name, String objective, String description, Priority priority,
      AgentConfig agentConfig, List<String> dataSourceIds, Boolean requiresApproval, Boolean submit) {
    this(name, objective, description, priority, agentConfig, dataSourceIds, requiresApproval, submit, null);
  }
}
