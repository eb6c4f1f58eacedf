package org.openforge.product.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openforge.product.api.ApiColumn;
import org.openforge.product.api.DataApiService;
import org.openforge.product.pipeline.PipelinePlan;
import org.openforge.product.pipeline.PipelineRunStore;
import org.openforge.product.target.ColumnType;
import org.springframework.stereotype.Component;

/**
 * The dashboard of a published product, laid out from its models. When the product answers analytical asks, it
 * shows their aggregate models: a KPI card per measure (its total), a line chart per time series (one line per
 * dimension value) or a bar chart by label, and a table of each. Otherwise every model gets a KPI card, a chart and a
 * table. Loaded source tables are not shown.
 */
@Component
public class DashboardSpecs {

  private static final int BAR_LIMIT = 20;
  private static final int TABLE_PAGE = 20;

  private final PipelineRunStore runs;

  public DashboardSpecs(PipelineRunStore runs) {
    this.runs = runs;
  }

  public DashboardSpec of(DataApiService.Product product) {
    String engagementId = product.engagement().id();
    List<PipelinePlan.Model> planned = runs.plan(engagementId, runs.latestVersion(engagementId))
        .map(PipelinePlan::models).orElse(List.of());
    List<String> models = planned.stream().anyMatch(PipelinePlan.Model::aggregate)
        ? planned.stream().filter(PipelinePlan.Model::aggregate).map(PipelinePlan.Model::name).toList()
        : planned.isEmpty() ? List.copyOf(product.models().keySet())
        : planned.stream().map(PipelinePlan.Model::name).toList();
    List<DashboardSpec.Widget> widgets = new ArrayList<>();
    Set<String> totals = new HashSet<>();
    for (String model : models) {
      Map<String, ApiColumn> columns = product.models().get(model);
      if (columns != null) {
        widgets.addAll(widgets(model, columns, totals));
      }
    }
    return new DashboardSpec(DashboardSpec.SCHEMA_VERSION, product.name(), product.engagement().name(),
        product.version(), widgets);
  }

  /** @param totals the measures that already have a KPI card (two asks over one measure show one total) */
  private static List<DashboardSpec.Widget> widgets(String model, Map<String, ApiColumn> columns,
      Set<String> totals) {
    List<String> measures = columns.values().stream().filter(c -> c.type().numeric() && !isKey(c.name()))
        .map(ApiColumn::name).toList();
    Optional<String> date = columns.values().stream()
        .filter(c -> c.type() == ColumnType.DATE || c.type() == ColumnType.TIMESTAMP).map(ApiColumn::name)
        .findFirst();
    Optional<String> label = columns.values().stream().filter(c -> c.type() == ColumnType.TEXT)
        .map(ApiColumn::name).findFirst();
    String title = words(model);
    List<DashboardSpec.Widget> widgets = new ArrayList<>();
    if (!measures.isEmpty()) {
      String measure = measures.get(0);
      if (totals.add(measure)) {
        widgets.add(new DashboardSpec.Widget("kpi", "Total " + words(measure), model, null, List.of(measure), null,
            "sum", null, null));
      }
      if (date.isPresent()) {
        List<String> plotted = label.isPresent() ? List.of(measure) : measures.subList(0, Math.min(2,
            measures.size()));
        widgets.add(new DashboardSpec.Widget("line", title, model, date.get(), plotted, label.orElse(null), null,
            null, null));
      } else if (label.isPresent()) {
        widgets.add(new DashboardSpec.Widget("bar", title, model, label.get(), List.of(measure), null, null,
            BAR_LIMIT, null));
      }
    }
    widgets.add(new DashboardSpec.Widget("table", title, model, null, List.copyOf(columns.keySet()), null, null,
        null, TABLE_PAGE));
    return widgets;
  }

  private static String words(String name) {
    String text = name.replace('_', ' ');
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static boolean isKey(String column) {
    return column.equals("id") || column.endsWith("_id");
  }
}
