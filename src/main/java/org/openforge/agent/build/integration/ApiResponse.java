package org.openforge.agent.build.integration;

import java.util.List;
import java.util.Map;

/**
 * What an endpoint returned: its rows (slot → value as the source gave it), the statements run with their
 * parameters, the rows a CSV scan read and whether the file had more, the time taken, or the error.
 */
public record ApiResponse(List<Map<String, Object>> rows, List<Map<String, Object>> executed, Integer scannedRows,
    Boolean scanTruncated, long elapsedMs, String error) {

  public boolean ok() {
    return error == null;
  }
}
