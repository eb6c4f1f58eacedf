package org.openforge.agent.build.ui;

import java.util.List;

/**
 * A dashboard component resolved against the ontology.
 *
 * @param type {@code kpi_card}, {@code chart} or {@code data_table}
 * @param className the class the component reads (a chart's and table's rows, a KPI's objects)
 * @param function {@code count}, {@code sum}, {@code avg}, {@code min} or {@code max} (KPIs and charts)
 * @param measure the slot aggregated or plotted on the y axis; null when counting
 * @param xAxis a chart's x slot
 * @param groupPath a chart's group: the reference slots followed from {@code className}, then the grouping slot
 * @param chartType {@code line}, {@code area} or {@code bar}
 * @param columns a table's slots
 * @param source where it came from: {@code input} or {@code default}
 */
public record UiComponent(String id, String type, String title, String className, String function, String measure,
    String xAxis, List<String> groupPath, String chartType, List<String> columns, String metric, String source) {

  public UiComponent {
    groupPath = groupPath == null ? List.of() : List.copyOf(groupPath);
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  /** The grouping slot's name (the last of the path), or null. */
  public String groupBy() {
    return groupPath.isEmpty() ? null : groupPath.get(groupPath.size() - 1);
  }
}
