package org.openforge.agent.design;

import java.util.List;
import java.util.Map;
import org.openforge.ontology.infer.SourceTable;

/** What one check is about: its rule, the class and slot, and the source table and columns it reads. */
record Subject(Rule rule, String className, String slot, SourceTable table, List<String> columns) {

  /** A measured check: failed when anything violates it. */
  Check measured(long violations, boolean exact, String method, Long rows, List<Map<String, Object>> examples,
      String message) {
    return new Check(rule.value(), className, slot, violations > 0 ? Check.FAILED : Check.PASSED, violations, exact,
        method, table.sourceId(), table.qualifiedName(), column(), rows, examples, message);
  }

  Check skipped(String reason) {
    return new Check(rule.value(), className, slot, Check.SKIPPED, 0, true, "none", table.sourceId(),
        table.qualifiedName(), column(), null, List.of(), reason);
  }

  Check error(String method, String reason) {
    return new Check(rule.value(), className, slot, Check.ERROR, 0, false, method, table.sourceId(),
        table.qualifiedName(), column(), null, List.of(), reason);
  }

  private String column() {
    return columns.isEmpty() ? null : String.join(",", columns);
  }
}
