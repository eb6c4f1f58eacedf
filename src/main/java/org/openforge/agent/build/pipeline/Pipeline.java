package org.openforge.agent.build.pipeline;

import java.util.List;

/**
 * One pipeline (a Dagster job): the classes of one source, extracted, transformed and loaded together on the
 * schedule.
 */
public record Pipeline(String name, String sourceId, String sourceName, String sourceType, List<String> classes,
    String cron, String schedule) {

  public Pipeline {
    classes = List.copyOf(classes);
  }
}
