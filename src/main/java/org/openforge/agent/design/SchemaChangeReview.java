package org.openforge.agent.design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.AgentApprovals;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.approval.Approval;
import org.openforge.process.ApprovalType;
import org.openforge.engagement.Artifact;
import org.openforge.ontology.linkml.SchemaChange;

/**
 * Asks a reviewer to accept a new ontology that changes an approved one: a {@code schema_change} approval whose items
 * are the diff ({@code BREAKING:} in front of breaking changes) and whose subject is the new schema text, so a re-run
 * of the same design finds the decision. A refusal keeps the approved version: the run declines with the comment.
 */
final class SchemaChangeReview {

  /** The approval context key holding the SHA-256 of the schema text under review. */
  static final String SCHEMA_HASH = "schema_sha256";

  private SchemaChangeReview() {}

  /** Returns when the change may be written; throws ApprovalPending while undecided, declines when refused. */
  static AgentApprovals.Decision require(AgentContext context, Artifact approved, String schemaName, String yaml,
      List<SchemaChange> changes) {
    long breaking = changes.stream().filter(SchemaChange::breaking).count();
    List<Approval.ReviewItem> items = changes.stream()
        .map(c -> new Approval.ReviewItem(c.name(), (c.breaking() ? "BREAKING: " : "") + c.summary())).toList();
    String title = "Schema change to ontology " + schemaName + ": " + changes.size() + " change"
        + (changes.size() == 1 ? "" : "s") + (breaking > 0 ? ", " + breaking + " breaking" : "");
    String description = "The ontology design agent inferred a new version of " + schemaName + " that differs from the"
        + " approved version " + approved.version() + " (" + approved.name() + "). Review the changes below"
        + (breaking > 0 ? "; breaking changes may invalidate data or consumers built on the approved version" : "")
        + ". Approve to write the new version; reject to keep version " + approved.version() + ".";
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(SCHEMA_HASH, hash(yaml));
    details.put("schema_name", schemaName);
    details.put("approved_artifact_id", approved.id());
    details.put("approved_version", approved.version());
    details.put("change_count", changes.size());
    details.put("breaking_count", breaking);
    context.progress("approval", title + "; waiting for a reviewer's decision unless one exists");
    AgentApprovals.Decision decision = context.approvals().require(ApprovalType.SCHEMA_CHANGE, yaml, title,
        description, items, details);
    if (!decision.approved()) {
      throw new AgentDeclinedException("the schema change was refused" + (decision.comment() == null
          || decision.comment().isBlank() ? "" : ": " + decision.comment()) + "; approved version "
          + approved.version() + " of the ontology stays current");
    }
    return decision;
  }

  static String hash(String text) {
    return AgentApprovals.fingerprint(text == null ? "" : text);
  }
}
