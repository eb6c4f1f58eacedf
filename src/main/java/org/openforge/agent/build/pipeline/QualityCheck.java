package org.openforge.agent.build.pipeline;

import java.util.List;

/**
 * One data-quality check of the pipeline and its dry-run result.
 *
 * @param type {@code table_exists}, {@code columns_exist}, {@code required}, {@code unique}, {@code reference},
 *     {@code type}, {@code enum}, {@code range}, {@code pattern} or {@code transformation}
 * @param method how it ran: {@code sql} (pushed down to the database, every row), {@code profile} (the source
 *     profile, every row), {@code sample} (the first rows of a CSV file), {@code schema} (the catalog) or
 *     {@code dry_run} (evaluating a transformation)
 * @param sql the statement that counts failing rows (SQL sources)
 * @param status {@code passed}, {@code failed} or {@code skipped} (could not be checked within the dry run's bounds)
 * @param failingRows rows breaking the rule; null when only the fact is known (a minimum below the bound)
 * @param rowsChecked rows the check looked at
 */
public record QualityCheck(String id, String className, String slot, String type, String rule, String sourceId,
    String table, List<String> columns, String method, String sql, List<Object> params, String status,
    Long failingRows, Long rowsChecked, List<String> examples, String message, Long elapsedMs) {

  public static final String PASSED = "passed";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";

  public QualityCheck {
    columns = columns == null ? List.of() : List.copyOf(columns);
    params = params == null ? null : List.copyOf(params);
    examples = examples == null ? List.of() : List.copyOf(examples);
  }

  public boolean passed() {
    return PASSED.equals(status);
  }

  public boolean failed() {
    return FAILED.equals(status);
  }
}
