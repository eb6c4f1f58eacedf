package org.openforge.agent.design;

import java.util.List;
import java.util.Map;
import org.openforge.agent.AgentApprovals;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.approval.Approval;
import org.openforge.process.ApprovalType;

/**
 * Asks for a {@code data_access} approval before an agent reads the values of the attached sources, when the
 * engagement's approval settings want one (as source discovery does); a refusal declines the run.
 */
final class DataAccess {

  private DataAccess() {}

  static void require(AgentContext context, List<AttachedSource> sources, String purpose) {
    List<Approval.ReviewItem> items = sources.stream().map(s -> new Approval.ReviewItem(s.name(), s.sourceType()
        + " source " + s.id() + "; " + purpose)).toList();
    String subject = context.task().taskType() + " " + sources.stream().map(AttachedSource::id).sorted().toList();
    AgentApprovals.Decision decision = context.approvals().require(ApprovalType.DATA_ACCESS, subject,
        "Read " + sources.size() + " data source(s) for " + context.task().taskType().replace('_', ' '),
        "The " + context.task().taskType().replace('_', ' ') + " agent wants to read the engagement's data sources: "
            + purpose + ".", items, Map.of("source_ids", sources.stream().map(AttachedSource::id).toList()));
    if (!decision.approved()) {
      throw new AgentDeclinedException("data access was refused" + (decision.comment() == null ? ""
          : ": " + decision.comment()));
    }
  }
}
