package org.openforge.ontology.generate;

import java.util.List;
import java.util.Map;

/**
 * Generated PostgreSQL DDL: the whole script, the same as separate statements (each ends with {@code ;}), and which
 * table holds each non-abstract class ({@code class name -> table name}, unquoted).
 */
public record PostgresDdl(String sql, List<String> statements, Map<String, String> tableOfClass) {

  public PostgresDdl {
    statements = List.copyOf(statements);
    tableOfClass = Map.copyOf(tableOfClass);
  }
}
