package org.openforge.agent.build.pipeline;

import java.util.List;

/** A check pushed down to a database: the statement counting failing rows, one listing examples, their parameters. */
public record SqlCheck(String countSql, String examplesSql, List<Object> params) {

  public SqlCheck {
    params = List.copyOf(params);
  }
}
