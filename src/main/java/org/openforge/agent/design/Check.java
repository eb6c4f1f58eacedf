package org.openforge.agent.design;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One check of the validation report: its rule family, the class and slot, its status (passed, failed, skipped —
 * not run, with the reason in {@code message} — or error: it could not run, counted as failed), how many values or
 * rows violate it, whether that count is exact (false: a lower bound from a bounded sample), how it was measured,
 * where, and a few violating rows.
 */
record Check(String check, @JsonProperty("class") String className, String slot, String status, long violationCount,
    boolean exact, String method, String sourceId, String sourceTable, String sourceColumn, Long rowsChecked,
    List<Map<String, Object>> examples, String message) {

  static final String PASSED = "passed";
  static final String FAILED = "failed";
  static final String SKIPPED = "skipped";
  static final String ERROR = "error";
  /** a data-quality finding: counted like a failure, but against no declared constraint, so not failing */
  static final String WARNING = "warning";

  boolean counts() {
    return !SKIPPED.equals(status);
  }

  /** The check as a data-quality finding: its violations are evidence about the data, not of a broken rule. */
  Check asFinding(String why) {
    return FAILED.equals(status) ? new Check(check, className, slot, WARNING, violationCount, exact, method, sourceId,
        sourceTable, sourceColumn, rowsChecked, examples, message + " — " + why) : this;
  }

  boolean failing() {
    return FAILED.equals(status) || ERROR.equals(status);
  }
}
