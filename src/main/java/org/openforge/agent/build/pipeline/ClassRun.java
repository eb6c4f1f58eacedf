package org.openforge.agent.build.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The dry run of one class: the rows the extract read (at most the dry run's limit), how many the load would take
 * and how many it would reject (null where a NOT NULL, type, enum, range or pattern constraint of the target breaks),
 * the reasons by slot, and the first transformed rows.
 */
public record ClassRun(String className, String sourceId, String table, String method, String statement,
    int rowsRead, boolean truncated, int rowsLoadable, int rowsRejected, List<Rejection> rejections,
    List<Map<String, Object>> preview, String error, long elapsedMs) {

  /** Rows rejected for one reason on one field. */
  public record Rejection(String field, String reason, int count, List<String> examples) {}

  public ClassRun {
    rejections = List.copyOf(rejections);
    preview = List.copyOf(preview);
  }
}
