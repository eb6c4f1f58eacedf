package org.openforge.product.app;

import java.util.List;

/**
 * What a dashboard shows, rendered by the static runtime over the data API: KPI cards (an aggregate of a column),
 * line and bar charts, and paged tables.
 */
public record DashboardSpec(String schemaVersion, String product, String title, int version, List<Widget> widgets) {

  public static final String SCHEMA_VERSION = "1";

  /**
   * One widget. {@code type}: {@code kpi} (the {@code aggregate} of {@code y.get(0)}), {@code line} or {@code bar}
   * ({@code x} against {@code y}; a bar chart shows the {@code limit} largest; {@code series}, when set, draws one
   * line per value of that column, a period missing for a value drawn as zero), {@code table} (every column, paged).
   */
  public record Widget(String type, String title, String model, String x, List<String> y, String series,
      String aggregate, Integer limit, Integer pageSize) {}
}
